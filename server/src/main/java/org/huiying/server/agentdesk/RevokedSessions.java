package org.huiying.server.agentdesk;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huiying.server.staff.StaffTokensRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Closes the open desk sockets of staff whose tokens were just revoked (1008), so a disabled
 * account or a stolen token stops receiving pushes at once instead of at its next SUBSCRIBE.
 * Knows the sockets by id through a handler decorator; STOMP session ids are the socket ids.
 */
@Component
class RevokedSessions {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    /** Lazily: the registry is built by the broker configuration, which needs this class first. */
    private final ObjectProvider<SimpUserRegistry> users;

    RevokedSessions(ObjectProvider<SimpUserRegistry> users) {
        this.users = users;
    }

    WebSocketHandler track(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                open.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRevoked(StaffTokensRevoked event) {
        SimpUser user = users.getObject().getUser(Long.toString(event.staffId()));
        if (user == null) {
            return;
        }
        for (SimpSession s : user.getSessions()) {
            close(s.getId(), "token revoked");
        }
        log.info("Closed the desk sessions of staff {} after its tokens were revoked", event.staffId());
    }

    /** Closes the socket with 1008 if it is still open; the console reconnects with a fresh token. */
    void close(String sessionId, String reason) {
        WebSocketSession socket = open.get(sessionId);
        if (socket != null) {
            try {
                socket.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
            } catch (IOException e) {
                log.debug("Could not close a desk session ({}): {}", reason, e.toString());
            }
        }
    }
}
