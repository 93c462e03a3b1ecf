package org.huiying.server.cluster;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live pushes to the agent desk, whichever node holds the staff member's STOMP session: the payload
 * is rendered here, sent over the bus, and every node hands it to its own STOMP broker (a node
 * without a session for the user drops it, as the broker does for any absent user).
 */
@Component
public class StaffPush {

    private final ClusterBus bus;
    private final JsonMapper json;
    private final SimpMessagingTemplate stomp;

    StaffPush(ClusterBus bus, JsonMapper json, SimpMessagingTemplate stomp) {
        this.bus = bus;
        this.json = json;
        this.stomp = stomp;
    }

    /** To {@code /user/<destination>} of one staff member. Call after the change is committed. */
    public void toUser(Object staffId, String destination, Object payload) {
        bus.publish(new StompPush(staffId.toString(), destination, json.valueToTree(payload)));
    }

    /** To everyone subscribed to a topic, e.g. {@code /topic/sla}. Call after the change is committed. */
    public void toTopic(String destination, Object payload) {
        bus.publish(new StompPush(null, destination, json.valueToTree(payload)));
    }

    @EventListener
    void deliver(StompPush push) {
        if (push.user() == null) {
            stomp.convertAndSend(push.destination(), push.body());
        } else {
            stomp.convertAndSendToUser(push.user(), push.destination(), push.body());
        }
    }
}
