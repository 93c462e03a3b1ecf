package org.huiying.server.agentdesk;

import java.util.List;
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
import org.springframework.stereotype.Component;

/**
 * Authenticates a STOMP session on its CONNECT frame with the same token and decoder as REST, and
 * refuses every other frame from a session that never authenticated. Subscriptions are limited to
 * the user's own queues and the topics their role may read.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    private final JwtDecoder decoder;
    private final JwtAuthenticationConverter converter;

    StompAuthentication(JwtDecoder decoder, JwtAuthenticationConverter converter) {
        this.decoder = decoder;
        this.converter = converter;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            stomp.setUser(authenticate(stomp.getNativeHeader("Authorization")));
            return message;
        }
        if (command == StompCommand.DISCONNECT || command == StompCommand.UNSUBSCRIBE) {
            return message;
        }
        if (stomp.getUser() == null) {
            throw new MessageDeliveryException("Not authenticated: send a bearer token on CONNECT");
        }
        if (command == StompCommand.SUBSCRIBE && !mayRead(stomp.getDestination(), stomp.getUser())) {
            throw new MessageDeliveryException("Not allowed to subscribe to " + stomp.getDestination());
        }
        return message;
    }

    /** Everyone their own user queues; the floor-wide topics (SLA board, escalations) to supervisors and admins. */
    private static boolean mayRead(String destination, java.security.Principal user) {
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
