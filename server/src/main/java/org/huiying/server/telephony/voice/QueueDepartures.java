package org.huiying.server.telephony.voice;

import java.time.Duration;
import java.time.Instant;
import org.huiying.server.callback.CallerCallbacks;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketStatus;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Component;

/**
 * A caller left the queue without a person: their ticket stops being held back for the phone and is
 * ordinary queued work again. One who hung up while waiting (abandoned) is called back: their
 * conversation says so and a callback task due at once is booked on the ticket, which the agent who
 * gets the ticket places from the console. One who left for the callback offer books what they chose
 * there.
 */
@Component
class QueueDepartures {

    private final VoiceCalls calls;
    private final Tickets tickets;
    private final Conversations conversations;
    private final CallerCallbacks callbacks;

    QueueDepartures(VoiceCalls calls, Tickets tickets, Conversations conversations, CallerCallbacks callbacks) {
        this.calls = calls;
        this.tickets = tickets;
        this.conversations = conversations;
        this.callbacks = callbacks;
    }

    /** Runs in the transaction that recorded the departure, once per call. */
    void left(String callSid, VoiceCalls.DequeueReason reason, Instant at) {
        VoiceCalls.HotlineCall call = calls.hotline(callSid).orElse(null);
        if (call == null || call.ticketId() == null) {
            return;
        }
        Ticket ticket = tickets.get(call.ticketId());
        if (reason == VoiceCalls.DequeueReason.HANGUP && ticket.status() != TicketStatus.RESOLVED) {
            String task = callbacks.requestNow(ticket.id());
            conversations.append(ticket.conversationId(), Sender.SYSTEM, null, "call-" + callSid + "-abandoned",
                    "来电：客户排队等待" + spoken(Duration.between(call.queuedAt(), at)) + "后挂断，未能接通。已登记回电任务（"
                            + task + "），请尽快回拨。");
        }
        tickets.leftTheLine(ticket.id());
    }

    /** 2分05秒, or 40秒. */
    static String spoken(Duration waited) {
        long seconds = Math.max(0, waited.toSeconds());
        return seconds >= 60 ? String.format("%d分%02d秒", seconds / 60, seconds % 60) : seconds + "秒";
    }
}
