package org.huiying.server.telephony.voice;

import java.util.Optional;
import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.Priority;
import org.huiying.server.callback.CallerCallbacks;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketStatus;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a caller's choices do to tickets. A choice joins the caller's unresolved ticket when they
 * have one (roadside raises it to urgent), or opens one of the chosen type with its SLA clock; a
 * callback request opens a CALLBACK ticket — linked to the open ticket, if any — with a callback
 * task due at once. Each step leaves a note in the voice conversation, once per call.
 */
@Component
class CallerTickets {

    private final Tickets tickets;
    private final Conversations conversations;
    private final CallerCallbacks callbacks;
    private final VoicePrompts prompts;

    CallerTickets(Tickets tickets, Conversations conversations, CallerCallbacks callbacks, VoicePrompts prompts) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.callbacks = callbacks;
        this.prompts = prompts;
    }

    Optional<Ticket> open(String conversationId) {
        return tickets.unresolvedFor(conversationId);
    }

    @Transactional
    public Ticket choose(String conversationId, String callSid, MenuChoice choice) {
        String label = prompts.text(choice.typePrompt());
        conversations.append(conversationId, Sender.SYSTEM, null, "call-" + callSid + "-menu",
                "来电：客户在语音菜单中选择了「" + label + "」。");
        Optional<Ticket> open = tickets.unresolvedFor(conversationId);
        if (open.isPresent()) {
            if (choice.priority() > open.get().priority()) {
                tickets.raisePriority(open.get().id(), choice.priority());
            }
            return tickets.get(open.get().id());
        }
        return tickets.get(tickets.openChosen(conversationId, choice.type, choice.priority(), choice.queue));
    }

    /** A CALLBACK ticket and its task, due now; the caller's open ticket is its parent. Asking again books nothing new. */
    @Transactional
    public String bookCallback(String conversationId, String callSid, String parentTicket) {
        Optional<Ticket> parent = Optional.ofNullable(parentTicket).filter(id -> !id.isBlank()).map(tickets::get)
                .filter(t -> t.status() != TicketStatus.RESOLVED && t.conversationId().equals(conversationId))
                .or(() -> tickets.unresolvedFor(conversationId));
        String callbackTicket;
        if (parent.isPresent() && parent.get().type() == TicketType.CALLBACK) {
            callbackTicket = parent.get().id();
        } else if (parent.isPresent()) {
            callbackTicket = tickets.openFollowUp(parent.get().id(), TicketType.CALLBACK, parent.get().skills());
        } else {
            callbackTicket = tickets.openChosen(conversationId, TicketType.CALLBACK,
                    Priority.of(TicketType.CALLBACK, null), MenuChoice.CALLBACK.queue);
        }
        String task = callbacks.requestNow(callbackTicket);
        conversations.append(conversationId, Sender.SYSTEM, null, "call-" + callSid + "-callback",
                "来电：客户请求回电，已登记回电任务（" + task + "），请尽快回拨来电号码。");
        return task;
    }

    /** The ticket a voicemail belongs to: the caller's open one, or a new inquiry so that someone listens to it. */
    @Transactional
    public String ticketForVoicemail(String conversationId, String ticketId) {
        return Optional.ofNullable(ticketId).filter(id -> !id.isBlank()).map(tickets::get)
                .filter(t -> t.status() != TicketStatus.RESOLVED && t.conversationId().equals(conversationId))
                .or(() -> tickets.unresolvedFor(conversationId))
                .map(Ticket::id)
                .orElseGet(() -> tickets.openChosen(conversationId, TicketType.INQUIRY,
                        Priority.of(TicketType.INQUIRY, null), MenuChoice.INQUIRY.queue));
    }
}
