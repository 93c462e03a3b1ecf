package org.huiying.server.gateway;

import org.huiying.server.cluster.ClusterBus;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers staff and system messages to the customer's open connections once they are stored:
 * over the cluster bus, so a reply written on one node reaches a customer connected to another.
 */
@Component
class GatewayPush {

    private final ChatChannels channels;
    private final ClusterBus bus;
    private final Frames frames;

    GatewayPush(ChatChannels channels, ClusterBus bus, JsonMapper json) {
        this.channels = channels;
        this.bus = bus;
        this.frames = new Frames(json);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMessage(MessageAppended event) {
        if (event.message().sender() != Sender.CUSTOMER && "chat".equals(event.message().channel())) {
            bus.publish(new CustomerFramePublished(event.message().conversationId(), frames.message(event.message())));
        }
    }

    @EventListener
    void onFrame(CustomerFramePublished frame) {
        channels.send(frame.conversationId(), frame.json());
    }
}
