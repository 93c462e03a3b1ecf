package org.huiying.server.staff;

/** Every token of this staff member was revoked (password changed or reset, account disabled). */
public record StaffTokensRevoked(long staffId) {
}
