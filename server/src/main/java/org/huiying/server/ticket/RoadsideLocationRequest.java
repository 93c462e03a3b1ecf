package org.huiying.server.ticket;

import org.huiying.routing.TicketType;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A stranded driver is asked where they are the moment their roadside ticket opens, before any agent
 * is free: the answer is what the rescue crew needs first. Written in the opening transaction, on chat
 * and SMS (an SMS conversation's system messages go out through the outbox); a caller is asked by the
 * agent who answers. The client id makes a replayed opening ask once.
 */
@Component
class RoadsideLocationRequest {

    static final String TEXT = "已为您转入道路救援通道，请尽快回复：1. 您所在的具体位置（道路名称、附近标志物或高速公路公里桩）；"
            + "2. 车辆现在的状况（能否移动、是否有安全隐患）。请开启双闪，人员撤离到护栏外安全处等候。";

    private final Conversations conversations;

    RoadsideLocationRequest(Conversations conversations) {
        this.conversations = conversations;
    }

    @EventListener
    void onOpened(TicketEvents.TicketOpened opened) {
        if (opened.type() != TicketType.ROADSIDE) {
            return;
        }
        String channel = conversations.channel(opened.conversationId()).orElse("");
        if (channel.equals("chat") || channel.equals("sms")) {
            conversations.append(opened.conversationId(), Sender.SYSTEM, null, "roadside-" + opened.ticketId(), TEXT);
        }
    }
}
