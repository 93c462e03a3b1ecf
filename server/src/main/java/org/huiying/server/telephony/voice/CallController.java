package org.huiying.server.telephony.voice;

import org.huiying.server.security.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agents' side of the hotline: answer the caller offered to you; the softphone's access token. */
@RestController
class CallController {

    private final CallAnswers answers;
    private final VoiceTokens tokens;
    private final CallWrapUps wrapUps;

    CallController(CallAnswers answers, VoiceTokens tokens, CallWrapUps wrapUps) {
        this.wrapUps = wrapUps;
        this.answers = answers;
        this.tokens = tokens;
    }

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

    @PostMapping("/api/calls/{callSid}/wrap-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void wrapUp(@PathVariable String callSid, @RequestBody(required = false) CallWrapUps.WrapUp body, Authentication auth) {
        wrapUps.wrapUp(callSid, body, CurrentStaff.of(auth));
    }

    @GetMapping("/api/voice/token")
    VoiceTokens.Token token(Authentication auth) {
        return tokens.issue(CurrentStaff.of(auth));
    }
}
