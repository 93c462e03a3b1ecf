package org.huiying.server.gateway;

import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.Sender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** Delivers staff and system messages to the customer's open connections once they are stored. */
@Component
class GatewayPush {

    private final ChatChannels channels;
    private final Frames frames;

    GatewayPush(ChatChannels channels, JsonMapper json) {
        this.channels = channels;
        this.frames = new Frames(json);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMessage(MessageAppended event) {
        if (event.message().sender() != Sender.CUSTOMER && "chat".equals(event.message().channel())) {
            channels.send(event.message().conversationId(), frames.message(event.message()));
        }
    }
}
