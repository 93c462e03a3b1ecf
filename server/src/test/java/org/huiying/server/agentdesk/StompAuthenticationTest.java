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
import org.springframework.security.authentication.TestingAuthenticationToken;

/** The subscription rules of the agent desk, checked on the interceptor itself. */
class StompAuthenticationTest {

    private final StompAuthentication interceptor = new StompAuthentication(token -> {
        throw new org.springframework.security.oauth2.jwt.BadJwtException("not used here");
    }, null);

    private static Message<byte[]> subscribe(String destination, String... roles) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        stomp.setDestination(destination);
        stomp.setSubscriptionId("s1");
        if (roles.length > 0) {
            TestingAuthenticationToken user = new TestingAuthenticationToken("7", null,
                    List.of(roles).stream().map(r -> "ROLE_" + r).toArray(String[]::new));
            stomp.setUser(user);
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
}
