package org.huiying.server.privacy;

import java.util.List;
import java.util.Locale;
import org.huiying.server.web.ApiException;
import org.huiying.server.web.InstantParam;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read the audit log of access to customer records, newest first, a page at a time. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/audit")
    Page audit(@RequestParam(required = false) String since, @RequestParam(required = false) String until,
               @RequestParam(required = false) Long actor, @RequestParam(required = false) Long customer,
               @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
               @RequestParam(defaultValue = "50") int size, Authentication auth) {
        Admins.require(auth, "Only admins read the audit log.");
        if (page < 0 || size < 1 || size > 500) {
            throw ApiException.badRequest("bad_parameter", "page must be ≥ 0 and size between 1 and 500");
        }
        AuditAction kind = parseAction(action);
        var from = InstantParam.parse("since", since, null);
        var to = InstantParam.parse("until", until, null);
        return new Page(audit.find(from, to, actor, customer, kind, page * size, size), page, size,
                audit.count(from, to, actor, customer, kind));
    }

    private static AuditAction parseAction(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", "action: one of " + List.of(AuditAction.values()));
        }
    }
}
