package org.huiying.server.agentdesk;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.huiying.server.security.TokenRevocation;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates a STOMP session on its CONNECT frame with the same token and decoder as REST, and
 * refuses every other frame from a session that never authenticated. Every SUBSCRIBE and SEND of an
 * open session checks again that its token was not revoked since (password change, disabled
 * account), and the session is closed when its token expires ({@link ExpiringSessions}).
 * Subscriptions are limited to the user's own queues and the topics their role may read; SEND is
 * refused everywhere, because the desk has no application destinations and a client that
 * could publish to a broker destination could forge pushes to other staff.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter;
    private final TokenRevocation revoked;
    private final ExpiringSessions expiring;

    StompAuthentication(JwtDecoder decoder, JwtAuthenticationConverter converter, TokenRevocation revoked,
                        ExpiringSessions expiring) {
        this.expiring = expiring;
        this.decoder = decoder;
        this.converter = converter;
        this.revoked = revoked;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            AbstractAuthenticationToken user = authenticate(stomp.getNativeHeader("Authorization"));
            stomp.setUser(user);
            if (user instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
                expiring.closeAt(stomp.getSessionId(), jwt.getToken().getExpiresAt());
            }
            return message;
        }
        if (command == StompCommand.DISCONNECT || command == StompCommand.UNSUBSCRIBE) {
            return message;
        }
        if (stomp.getUser() == null) {
            throw new MessageDeliveryException("Not authenticated: send a bearer token on CONNECT");
        }
        if ((command == StompCommand.SUBSCRIBE || command == StompCommand.SEND) && !stillValid(stomp.getUser())) {
            throw new MessageDeliveryException("The session's token expired or was revoked: connect again with a fresh one");
        }
        if (command == StompCommand.SUBSCRIBE && !mayRead(stomp.getDestination(), stomp.getUser())) {
            throw new MessageDeliveryException("Not allowed to subscribe to " + stomp.getDestination());
        }
        if (command == StompCommand.SEND && !mayWrite(stomp.getDestination(), stomp.getUser())) {
            throw new MessageDeliveryException("Not allowed to send to " + stomp.getDestination());
        }
        return message;
    }

    /** Not revoked since CONNECT, and not expired: a late SUBSCRIBE needs a reconnect with a fresh token. */
    private boolean stillValid(Principal user) {
        if (!(user instanceof JwtAuthenticationToken token)) {
            return false;
        }
        Instant expires = token.getToken().getExpiresAt();
        return (expires == null || expires.isAfter(Instant.now())) && revoked.isCurrent(token.getToken());
    }

    /** Everyone their own user queues; the floor-wide topics (SLA board, escalations) to supervisors and admins. */
    static boolean mayRead(String destination, Principal user) {
        if (destination == null || destination.contains("..")) {
            return false;
        }
        if (destination.startsWith("/user/queue/")) {
            return true;
        }
        return destination.startsWith("/topic/") && user instanceof AbstractAuthenticationToken token
                && token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
    }

    /**
     * No destination takes client messages: the desk acts through REST, where every action is
     * authorized per ticket. An {@code /app/...} handler added later gets its rule here, with the
     * same {@code RecordAccess} checks as its REST twin.
     */
    static boolean mayWrite(String destination, Principal user) {
        return false;
    }

    private AbstractAuthenticationToken authenticate(List<String> authorization) {
        if (authorization == null || authorization.size() != 1 || !authorization.get(0).startsWith("Bearer ")) {
            throw new MessageDeliveryException("Missing bearer token on CONNECT");
        }
        try {
            Jwt jwt = decoder.decode(authorization.get(0).substring("Bearer ".length()).trim());
            return converter.convert(jwt);
        } catch (JwtException e) {
            throw new MessageDeliveryException("Invalid bearer token");
        }
    }
}
