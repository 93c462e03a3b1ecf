package org.huiying.server.conversation;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.huiying.server.security.PublicEndpoint;
import org.huiying.server.web.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customers open a web-chat session here, then connect to the gateway with the returned token. */
@RestController
class ChatSessionController {

    private final Conversations conversations;
    private final SessionRate rate;

    ChatSessionController(Conversations conversations, SessionRate rate) {
        this.conversations = conversations;
        this.rate = rate;
    }

    /** Anonymous, so limited per client address; a refused request stores nothing. */
    @PublicEndpoint
    @PostMapping("/api/chat/sessions")
    ResponseEntity<?> open(@RequestBody(required = false) CustomerDetails body, HttpServletRequest request) {
        CustomerDetails details = (body == null ? CustomerDetails.NONE : body).validated();
        var wait = rate.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().plusMillis(999).toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(new ApiError("too_many_sessions",
                            "会话创建过于频繁，请 " + seconds + " 秒后再试。Too many chat sessions from this address; retry after "
                                    + seconds + " s."));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(conversations.openChatSession(details));
    }
}
