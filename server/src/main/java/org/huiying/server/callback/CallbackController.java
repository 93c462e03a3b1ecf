package org.huiying.server.callback;

import java.util.List;
import java.util.Set;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallbackController {

    private static final Set<String> STATUSES = Set.of("OPEN", "DONE", "OVERDUE", "DUE");

    private final Callbacks callbacks;
    private final CallbackDialling dialling;
    private final CallbackCustomers customers;

    CallbackController(Callbacks callbacks, CallbackDialling dialling, CallbackCustomers customers) {
        this.callbacks = callbacks;
        this.dialling = dialling;
        this.customers = customers;
    }

    /** Supervisors and admins see every task, others their own and the unowned ones they have the skills for. */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/callbacks")
    List<CallbackTask> list(@RequestParam(required = false) String status, Authentication auth) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ApiException.badRequest("bad_parameter", "status: OPEN, DUE, OVERDUE or DONE");
        }
        return callbacks.list(status == null || status.isBlank() ? null : status, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/callbacks/counts")
    CallbackCounts counts(Authentication auth) {
        return callbacks.counts(CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/callbacks/{id}")
    CallbackTask get(@PathVariable String id, Authentication auth) {
        return callbacks.get(id, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/callbacks/{id}/customer")
    CallbackCustomer customer(@PathVariable String id, Authentication auth) {
        return customers.of(id, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/callbacks/{id}/dial")
    CallbackDialling.Dialled dial(@PathVariable String id, Authentication auth) {
        return dialling.dial(id, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/callbacks/{id}/result")
    CallbackTask result(@PathVariable String id, @RequestBody ResultBody body, Authentication auth) {
        return callbacks.record(id, body.validOutcome(), body.validNote(), CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @PatchMapping("/api/callbacks/{id}")
    CallbackTask reassign(@PathVariable String id, @RequestBody ReassignBody body, Authentication auth) {
        return callbacks.reassign(id, body.ownerId(), CurrentStaff.of(auth));
    }

    record ReassignBody(Long ownerId) {
    }

    record ResultBody(String outcome, String note) {

        Callbacks.Outcome validOutcome() {
            try {
                return Callbacks.Outcome.valueOf(outcome);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("invalid_outcome",
                        "outcome: FIXED, NOT_FIXED, NO_ANSWER, WRONG_NUMBER or REACHED");
            }
        }

        String validNote() {
            if (note != null && note.length() > 2000) {
                throw ApiException.badRequest("note_too_long", "note: at most 2000 characters");
            }
            return note;
        }
    }
}
