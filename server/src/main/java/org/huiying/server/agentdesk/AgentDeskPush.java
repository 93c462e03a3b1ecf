package org.huiying.server.agentdesk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.huiying.server.cluster.StaffPush;
import org.huiying.server.conversation.CustomerMessagesStored;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.MessageAppended;
import org.huiying.server.conversation.MessageView;
import org.huiying.server.conversation.Sender;
import org.huiying.server.escalation.EscalationRaised;
import org.huiying.server.expert.TechQuestions;
import org.huiying.server.gateway.CustomerTypingStarted;
import org.huiying.server.sla.SlaCrossed;
import org.huiying.server.concurrent.Batches;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketEvents;
import org.huiying.server.ticket.TicketViews;
import org.huiying.server.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes to the staff member concerned, after the change is stored: new assignments to
 * {@code /user/queue/assignments}, the customer's messages and typing to {@code /user/queue/messages}.
 * Through {@link StaffPush}, so they reach the staff member on whichever node their console is connected.
 */
@Component
class AgentDeskPush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentDeskPush.class);

    private final StaffPush stomp;
    private final TicketViews views;
    private final Tickets tickets;
    private final TechQuestions techQuestions;
    /**
     * Assignments and customers' messages are pushed from these threads, not from the thread that committed
     * them: that is the chat gateway's group-commit writer (or the dispatcher), whose next batch would
     * otherwise wait for each push's ticket read. A staff member's pushes all go through one of
     * {@value #PUSH_THREADS} threads (chosen by their id), so they arrive in the order they were handed
     * over; several, so one thread's backlog (hundreds of assignments a second) does not hold up every desk.
     */
    private static final int PUSH_THREADS = 4;
    private final List<ExecutorService> pushes = new ArrayList<>();
    /**
     * Customers' messages are matched to their tickets' assignees on one thread, so a conversation's
     * messages reach the assignee's push thread in seq order; whatever queued up meanwhile is matched
     * with one read (per message, the read was a quarter of the server's CPU under a full gateway).
     */
    private final BlockingQueue<Message> toMatch = new LinkedBlockingQueue<>();
    private static final Message STOP = new Message(null, 0, Sender.SYSTEM, null, null, null, null, null, null);
    private static final int MATCH_BATCH = 1_000;
    private final Thread assigneeLookups = new Thread(
            () -> Batches.drain(toMatch, STOP, MATCH_BATCH, this::matchToAssignees), "agent-desk-lookup");

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private ExecutorService pushesFor(Object staffId) {
        return pushes.get(Math.floorMod(staffId.toString().hashCode(), pushes.size()));
    }

    AgentDeskPush(StaffPush stomp, TicketViews views, Tickets tickets, TechQuestions techQuestions) {
        for (int i = 0; i < PUSH_THREADS; i++) {
            pushes.add(daemonThread("agent-desk-push-" + i));
        }
        this.techQuestions = techQuestions;
        this.stomp = stomp;
        this.views = views;
        this.tickets = tickets;
        assigneeLookups.setDaemon(true);
        assigneeLookups.start();
    }

    /**
     * The ticket as it stands, without knowledge-base suggestions: those are looked up when the agent
     * opens the ticket ({@code GET /api/tickets/{id}}); searched here, on the push thread (then one for
     * everybody), they made every agent's assignments wait for every other agent's search (pushes ran tens of seconds behind
     * at a few hundred tickets a second). The same thread as the messages, so an agent gets the
     * assignment before the customer's messages on it.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onAssigned(TicketEvents.TicketAssigned event) {
        pushesFor(event.staffId()).execute(() -> {
            try {
                stomp.toUser(event.staffId(), "/queue/assignments", views.of(event.ticket()));
            } catch (RuntimeException e) {
                log.warn("Could not push assignment of ticket {} to {}", event.ticketId(), event.staffId(), e);
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onMessage(MessageAppended event) {
        if (event.message().sender() == Sender.AGENT && "tech".equals(event.message().channel())) {
            techQuestions.technicianOf(event.message().conversationId()).ifPresent(technician ->
                    stomp.toUser(technician.toString(), "/queue/messages", Map.of("type", "message",
                            "conversationId", event.message().conversationId(), "message", MessageView.of(event.message()))));
            return;
        }
        if (event.message().sender() != Sender.CUSTOMER && event.message().sender() != Sender.TECHNICIAN) {
            return;
        }
        toMatch.add(event.message());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onStored(CustomerMessagesStored batch) {
        toMatch.addAll(batch.messages());
    }

    private boolean matchToAssignees(List<Message> messages) {
        try {
            Set<String> conversations = new LinkedHashSet<>();
            messages.forEach(m -> conversations.add(m.conversationId()));
            Map<String, Ticket> unresolved = tickets.unresolvedForEach(conversations);
            messages.forEach(m -> pushToAssignee(m, unresolved.get(m.conversationId())));
        } catch (RuntimeException e) {
            log.warn("Could not push {} messages to their agents", messages.size(), e);
        }
        return true;
    }

    /**
     * Only what was written since the ticket reached its agent: the ticket may be assigned between the
     * message's commit and this push, and what came before is history the agent reads on opening it
     * (pushed too, it would arrive ahead of the assignment itself).
     */
    private void pushToAssignee(Message message, Ticket ticket) {
        if (ticket != null && ticket.assigneeId() != null
                && (ticket.assignedAt() == null || !message.at().isBefore(ticket.assignedAt()))) {
            Map<String, Object> push = Map.of("type", "message", "ticketId", ticket.id(), "conversationId", ticket.conversationId(),
                    "message", MessageView.of(message));
            pushesFor(ticket.assigneeId()).execute(() -> {
                try {
                    stomp.toUser(ticket.assigneeId().toString(), "/queue/messages", push);
                } catch (RuntimeException e) {
                    log.warn("Could not push message {}#{} to its agent", message.conversationId(), message.seq(), e);
                }
            });
        }
    }

    @Override
    public void close() {
        toMatch.add(STOP);
        pushes.forEach(ExecutorService::shutdown);
    }

    /** Live SLA board: every warning and breach, to supervisors. */
    @EventListener
    void onSlaCrossed(SlaCrossed crossed) {
        stomp.toTopic("/topic/sla", Map.of("ticketId", crossed.ticketId(), "state", crossed.state(),
                "metric", crossed.metric().name(), "dueAt", crossed.dueAt().toString(), "at", crossed.recordedAt().toString()));
    }

    @EventListener
    void onEscalation(EscalationRaised raised) {
        stomp.toTopic("/topic/escalations", raised);
    }

    @EventListener
    void onTyping(CustomerTypingStarted event) {
        tickets.unresolvedFor(event.conversationId()).ifPresent(ticket -> {
            if (ticket.assigneeId() != null) {
                stomp.toUser(ticket.assigneeId().toString(), "/queue/messages", Map.of(
                        "type", "typing", "ticketId", ticket.id(), "conversationId", ticket.conversationId()));
            }
        });
    }
}
