package org.huiying.server.cluster;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Live pushes to the agent desk, whichever node holds the staff member's STOMP session: the payload
 * (an immutable view or map) goes over the bus as it is, and every node hands it to its own STOMP
 * broker, which serialises it once (a node without a session for the user drops it, as the broker
 * does for any absent user).
 */
@Component
public class StaffPush {

    private final ClusterBus bus;
    private final SimpMessagingTemplate stomp;

    StaffPush(ClusterBus bus, SimpMessagingTemplate stomp) {
        this.bus = bus;
        this.stomp = stomp;
    }

    /** To {@code /user/<destination>} of one staff member. Call after the change is committed. */
    public void toUser(Object staffId, String destination, Object payload) {
        bus.publish(new StompMessagePublished(staffId.toString(), destination, payload));
    }

    /** To everyone subscribed to a topic, e.g. {@code /topic/sla}. Call after the change is committed. */
    public void toTopic(String destination, Object payload) {
        bus.publish(new StompMessagePublished(null, destination, payload));
    }

    @EventListener
    void deliver(StompMessagePublished push) {
        if (push.user() == null) {
            stomp.convertAndSend(push.destination(), push.body());
        } else {
            stomp.convertAndSendToUser(push.user(), push.destination(), push.body());
        }
    }
}
