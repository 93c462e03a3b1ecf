package org.huiying.server.callback;

import java.util.List;
import java.util.Set;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallbackController {

    private static final Set<String> STATUSES = Set.of("OPEN", "DONE", "OVERDUE");

    private final Callbacks callbacks;

    CallbackController(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** Supervisors and admins see every task, others their own. */
    @GetMapping("/api/callbacks")
    List<CallbackTask> list(@RequestParam(required = false) String status, Authentication auth) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ApiException.badRequest("bad_parameter", "status: OPEN, DONE or OVERDUE");
        }
        return callbacks.list(status == null || status.isBlank() ? null : status, CurrentStaff.of(auth));
    }

    @PostMapping("/api/callbacks/{id}/result")
    CallbackTask result(@PathVariable String id, @RequestBody ResultBody body, Authentication auth) {
        return callbacks.record(id, body.validOutcome(), body.validNote(), CurrentStaff.of(auth));
    }

    record ResultBody(String outcome, String note) {

        Callbacks.Outcome validOutcome() {
            try {
                return Callbacks.Outcome.valueOf(outcome);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("invalid_outcome", "outcome: REACHED, FIXED, NOT_FIXED or NO_ANSWER");
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
