package org.huiying.server.staff;

import org.huiying.server.security.TokenVersions;
import org.springframework.stereotype.Component;

/** Answers token revocation from the staff table (one primary-key lookup). */
@Component
class StaffTokenVersions implements TokenVersions {

    private final StaffRepository staff;

    StaffTokenVersions(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    public boolean isCurrent(long staffId, int version) {
        return staff.tokenVersionIsCurrent(staffId, version);
    }
}
