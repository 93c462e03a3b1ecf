package org.huiying.server.agentdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The subscription rules of the agent desk, checked on the interceptor itself. */
class StompAuthenticationTest {

    /** Staff whose tokens were revoked after their session connected. */
    private final java.util.Set<String> revoked = new java.util.HashSet<>();

    private final StompAuthentication interceptor = new StompAuthentication(token -> {
        throw new org.springframework.security.oauth2.jwt.BadJwtException("not used here");
    }, null, jwt -> !revoked.contains(jwt.getSubject()), new ExpiringSessions(new RevokedSessions(null)));

    private static Message<byte[]> subscribe(String destination, String... roles) {
        return frame(StompCommand.SUBSCRIBE, destination, roles);
    }

    private static Message<byte[]> frame(StompCommand command, String destination, String... roles) {
        return frame(command, destination, java.time.Instant.now().plusSeconds(900), roles);
    }

    private static Message<byte[]> frame(StompCommand command, String destination, java.time.Instant expires, String... roles) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(command);
        stomp.setDestination(destination);
        if (command == StompCommand.SUBSCRIBE) {
            stomp.setSubscriptionId("s1");
        }
        if (roles.length > 0) {
            Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("7").claim("roles", List.of(roles))
                    .issuedAt(expires.minusSeconds(900)).expiresAt(expires).build();
            stomp.setUser(new JwtAuthenticationToken(jwt,
                    List.of(roles).stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        }
        stomp.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], stomp.getMessageHeaders());
    }

    @Test
    void everyoneMayReadTheirOwnQueues() {
        assertThat(interceptor.preSend(subscribe("/user/queue/assignments", "AGENT"), null)).isNotNull();
    }

    @Test
    void floorWideTopicsAreForSupervisorsAndAdmins() {
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/topic/sla", "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/topic/escalations", "EXPERT", "TECHNICIAN"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThat(interceptor.preSend(subscribe("/topic/sla", "SUPERVISOR"), null)).isNotNull();
        assertThat(interceptor.preSend(subscribe("/topic/escalations", "ADMIN"), null)).isNotNull();
    }

    @Test
    void anUnauthenticatedSessionMayNotSubscribeAtAll() {
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/user/queue/assignments"), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void otherDestinationsAndTraversalAreRefused() {
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/app/anything", "ADMIN"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/user/queue/../../topic/sla", "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void anotherStaffMembersQueueCannotBeNamedDirectly() {
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/user/8/queue/assignments", "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/queue/assignments-user8sessionid", "SUPERVISOR"), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void sendIsRefusedEvenToTopicsTheSenderMayRead() {
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SEND, "/topic/sla", "SUPERVISOR"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SEND, "/user/7/queue/assignments", "ADMIN"), null))
                .isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SEND, "/app/anything", "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void anOpenSessionWhoseTokenWasRevokedMayNotSubscribeAnyMore() {
        assertThat(interceptor.preSend(subscribe("/user/queue/assignments", "AGENT"), null)).isNotNull();
        revoked.add("7");
        assertThatThrownBy(() -> interceptor.preSend(subscribe("/user/queue/assignments", "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aSessionWhoseTokenHasExpiredMustReconnectBeforeSubscribing() {
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SUBSCRIBE, "/user/queue/assignments",
                java.time.Instant.now().minusSeconds(1), "AGENT"), null))
                .isInstanceOf(MessageDeliveryException.class)
                .hasMessageContaining("expired");
    }
}
