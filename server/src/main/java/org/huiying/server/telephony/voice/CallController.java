package org.huiying.server.telephony.voice;

import org.huiying.server.security.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents' side of the hotline: answer the caller offered to you, hold them, hand them over to a
 * colleague, write the wrap-up; the softphone's access token.
 */
@RestController
class CallController {

    private final CallAnswers answers;
    private final VoiceTokens tokens;
    private final CallWrapUps wrapUps;
    private final CallHolds holds;
    private final CallTransfers transfers;

    CallController(CallAnswers answers, VoiceTokens tokens, CallWrapUps wrapUps, CallHolds holds, CallTransfers transfers) {
        this.holds = holds;
        this.transfers = transfers;
        this.wrapUps = wrapUps;
        this.answers = answers;
        this.tokens = tokens;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/answer")
    CallAnswers.Answered answer(@PathVariable String callSid, @RequestBody(required = false) AnswerBody body, Authentication auth) {
        return answers.answer(callSid, body == null ? null : body.valid(), CurrentStaff.of(auth));
    }

    /** {@code via}: BROWSER or PHONE; absent, the softphone when one is configured, else the agent's phone when set. */
    record AnswerBody(String via) {
        CallAnswers.Via valid() {
            if (via == null || via.isBlank()) {
                return null;
            }
            try {
                return CallAnswers.Via.valueOf(via.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.huiying.server.web.ApiException.badRequest("invalid_via", "via: BROWSER or PHONE");
            }
        }
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/wrap-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void wrapUp(@PathVariable String callSid, @RequestBody(required = false) CallWrapUps.WrapUp body, Authentication auth) {
        wrapUps.wrapUp(callSid, body, CurrentStaff.of(auth));
    }

    /** The agent who has the call holds the caller, and takes them back. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/hold")
    CallHolds.Hold hold(@PathVariable String callSid, Authentication auth) {
        return holds.hold(callSid, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/resume")
    CallHolds.Hold resume(@PathVariable String callSid, Authentication auth) {
        return holds.resume(callSid, CurrentStaff.of(auth));
    }

    /** Online agents and experts the call could go to, and whether each is free for it now. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @GetMapping("/api/calls/{callSid}/transfer-targets")
    java.util.List<CallTransfers.Target> transferTargets(@PathVariable String callSid, Authentication auth) {
        return transfers.targets(callSid, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/transfer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CallTransfers.Requested transfer(@PathVariable String callSid, @RequestBody(required = false) TransferBody body, Authentication auth) {
        return transfers.request(callSid, body == null ? null : body.toStaffId(), CurrentStaff.of(auth));
    }

    record TransferBody(Long toStaffId) {
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @DeleteMapping("/api/calls/{callSid}/transfer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancelTransfer(@PathVariable String callSid, Authentication auth) {
        transfers.cancel(callSid, CurrentStaff.of(auth));
    }

    /** The agent who handed the call over leaves it to the colleague; the caller is back from hold. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @PostMapping("/api/calls/{callSid}/transfer/complete")
    CallTransfers.Completed completeTransfer(@PathVariable String callSid, Authentication auth) {
        return transfers.complete(callSid, CurrentStaff.of(auth));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT')")
    @GetMapping("/api/voice/token")
    VoiceTokens.Token token(Authentication auth) {
        return tokens.issue(CurrentStaff.of(auth));
    }
}
