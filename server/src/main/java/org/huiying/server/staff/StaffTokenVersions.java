package org.huiying.server.staff;

import org.huiying.server.security.TokenVersions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Answers token revocation from the staff table (one primary-key lookup), and revokes by moving the version on. */
@Component
class StaffTokenVersions implements TokenVersions {

    private final StaffRepository staff;
    private final ApplicationEventPublisher events;

    StaffTokenVersions(StaffRepository staff, ApplicationEventPublisher events) {
        this.staff = staff;
        this.events = events;
    }

    @Override
    public void revokeAll(long staffId) {
        staff.bumpTokenVersion(staffId);
        events.publishEvent(new StaffTokensRevoked(staffId));
    }

    @Override
    public boolean isCurrent(long staffId, int version) {
        return staff.tokenVersionIsCurrent(staffId, version);
    }
}
