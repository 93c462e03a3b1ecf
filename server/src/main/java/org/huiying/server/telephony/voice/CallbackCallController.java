package org.huiying.server.telephony.voice;

import org.huiying.server.security.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An agent places a callback call; how it went arrives later through the call status callbacks. */
@RestController
class CallbackCallController {

    private final CallbackDialer dialer;

    CallbackCallController(CallbackDialer dialer) {
        this.dialer = dialer;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/callbacks/{id}/call")
    ResponseEntity<CallbackDialer.Placed> call(@PathVariable String id, Authentication auth) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(dialer.call(id, CurrentStaff.of(auth)));
    }
}
