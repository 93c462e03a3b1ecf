package org.huiying.server.customer;

import java.util.Map;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.security.PublicEndpoint;
import org.huiying.server.web.ApiError;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat widget's phone check, authorised by the customer's own session token
 * ({@code Authorization: Bearer <customerToken>}), which must be this conversation's.
 */
@RestController
class ChatPhoneController {

    private final PhoneVerification verification;
    private final Conversations conversations;

    ChatPhoneController(PhoneVerification verification, Conversations conversations) {
        this.verification = verification;
        this.conversations = conversations;
    }

    record PhoneBody(String phone) {
    }

    record CodeBody(String code) {
    }

    @PublicEndpoint
    @PostMapping("/api/chat/sessions/{conversationId}/phone")
    ResponseEntity<Map<String, Object>> send(@PathVariable String conversationId, @RequestBody(required = false) PhoneBody body,
                                             @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        requireSession(conversationId, authorization);
        String masked = verification.send(conversationId, body == null ? null : body.phone());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("sentTo", masked,
                "expiresInSeconds", PhoneVerification.CODE_LIFE.toSeconds()));
    }

    @PublicEndpoint
    @PostMapping("/api/chat/sessions/{conversationId}/phone/verify")
    Map<String, Object> verify(@PathVariable String conversationId, @RequestBody(required = false) CodeBody body,
                               @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        requireSession(conversationId, authorization);
        verification.verify(conversationId, body == null ? null : body.code());
        return Map.of("verified", true);
    }

    @ExceptionHandler(PhoneVerification.TooSoon.class)
    ResponseEntity<ApiError> tooSoon(PhoneVerification.TooSoon e) {
        long seconds = Math.max(1, e.retryAfter.plusMillis(999).toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(new ApiError(e.code, e.getMessage()));
    }

    private void requireSession(String conversationId, String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token", "Send the chat session's token as Authorization: Bearer <customerToken>.");
        }
        String of = conversations.conversationForToken(authorization.substring(7).strip())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token", "This chat session token is not valid."));
        if (!of.equals(conversationId)) {
            throw ApiException.notFound("chat session");
        }
    }
}
