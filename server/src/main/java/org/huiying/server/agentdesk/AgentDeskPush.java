package org.huiying.server.agentdesk;

import java.util.Map;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.MessageView;
import org.huiying.server.conversation.Sender;
import org.huiying.server.escalation.EscalationRaised;
import org.huiying.server.expert.TechQuestions;
import org.huiying.server.gateway.CustomerTyping;
import org.huiying.server.sla.SlaCrossed;
import org.huiying.server.ticket.TicketEvents;
import org.huiying.server.ticket.TicketViews;
import org.huiying.server.ticket.Tickets;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes to the staff member concerned, after the change is stored: new assignments to
 * {@code /user/queue/assignments}, the customer's messages and typing to {@code /user/queue/messages}.
 */
@Component
class AgentDeskPush {

    private final SimpMessagingTemplate stomp;
    private final TicketViews views;
    private final Tickets tickets;
    private final TechQuestions techQuestions;

    AgentDeskPush(SimpMessagingTemplate stomp, TicketViews views, Tickets tickets, TechQuestions techQuestions) {
        this.techQuestions = techQuestions;
        this.stomp = stomp;
        this.views = views;
        this.tickets = tickets;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAssigned(TicketEvents.TicketAssigned event) {
        stomp.convertAndSendToUser(Long.toString(event.staffId()), "/queue/assignments", views.withSuggestions(event.ticketId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMessage(MessageAppended event) {
        if (event.message().sender() == Sender.AGENT && "tech".equals(event.message().channel())) {
            techQuestions.technicianOf(event.message().conversationId()).ifPresent(technician ->
                    stomp.convertAndSendToUser(technician.toString(), "/queue/messages", Map.of("type", "message",
                            "conversationId", event.message().conversationId(), "message", MessageView.of(event.message()))));
            return;
        }
        if (event.message().sender() != Sender.CUSTOMER && event.message().sender() != Sender.TECHNICIAN) {
            return;
        }
        tickets.unresolvedFor(event.message().conversationId()).ifPresent(ticket -> {
            if (ticket.assigneeId() != null) {
                stomp.convertAndSendToUser(ticket.assigneeId().toString(), "/queue/messages", Map.of(
                        "type", "message", "ticketId", ticket.id(), "conversationId", ticket.conversationId(),
                        "message", MessageView.of(event.message())));
            }
        });
    }

    /** Live SLA board: every warning and breach, to supervisors. */
    @EventListener
    void onSlaCrossed(SlaCrossed crossed) {
        stomp.convertAndSend("/topic/sla", (Object) Map.of("ticketId", crossed.ticketId(), "state", crossed.state(),
                "metric", crossed.metric().name(), "dueAt", crossed.dueAt().toString(), "at", crossed.recordedAt().toString()));
    }

    @EventListener
    void onEscalation(EscalationRaised raised) {
        stomp.convertAndSend("/topic/escalations", raised);
    }

    @EventListener
    void onTyping(CustomerTyping event) {
        tickets.unresolvedFor(event.conversationId()).ifPresent(ticket -> {
            if (ticket.assigneeId() != null) {
                stomp.convertAndSendToUser(ticket.assigneeId().toString(), "/queue/messages", Map.of(
                        "type", "typing", "ticketId", ticket.id(), "conversationId", ticket.conversationId()));
            }
        });
    }
}
