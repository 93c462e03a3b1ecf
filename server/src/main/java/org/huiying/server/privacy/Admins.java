package org.huiying.server.privacy;

import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.security.core.Authentication;

/** The admin-only parts of the privacy API. */
final class Admins {

    private Admins() {
    }

    static CurrentStaff require(Authentication auth, String refusal) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN")) {
            throw ApiException.forbidden(refusal);
        }
        return me;
    }
}
