package org.huiying.server.staff;

/** An admin disabled this account: whatever it still holds must go to someone who can work on it. */
public record StaffDisabled(long staffId) {
}
