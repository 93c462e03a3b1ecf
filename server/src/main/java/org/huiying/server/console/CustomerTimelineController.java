package org.huiying.server.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huiying.server.callback.CallbackHistory;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.customer.Vehicles;
import org.huiying.server.customer.VehicleView;
import org.huiying.server.escalation.EscalationHistory;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.Masking;
import org.huiying.server.privacy.PrivacyProperties;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.survey.SurveyHistory;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketNote;
import org.huiying.server.ticket.TicketNotes;
import org.huiying.server.ticket.Tickets;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the centre knows of one customer, across chat, SMS and phone, for the card beside a
 * conversation: their vehicles and warranties, past tickets with how they ended and the CSAT given,
 * callbacks, escalations counting their tickets, and colleagues' notes. Masked like the card; every
 * read is audited.
 */
@RestController
class CustomerTimelineController {

    static final int MAX_TICKETS = 200;

    private final CustomerFiles customers;
    private final Tickets tickets;
    private final Vehicles vehicles;
    private final SurveyHistory surveys;
    private final CallbackHistory callbacks;
    private final EscalationHistory escalations;
    private final TicketNotes notes;
    private final AuditLog audit;
    private final PrivacyProperties privacy;

    CustomerTimelineController(CustomerFiles customers, Tickets tickets, Vehicles vehicles, SurveyHistory surveys,
                               CallbackHistory callbacks, EscalationHistory escalations, TicketNotes notes, AuditLog audit,
                               PrivacyProperties privacy) {
        this.customers = customers;
        this.tickets = tickets;
        this.vehicles = vehicles;
        this.surveys = surveys;
        this.callbacks = callbacks;
        this.escalations = escalations;
        this.notes = notes;
        this.audit = audit;
        this.privacy = privacy;
    }

    record Person(long id, String name, String phone, boolean phoneVerified, boolean canReveal) {
    }

    record PastTicket(String id, String type, String category, String status, String channel, Instant openedAt,
                      Instant firstRespondedAt, Instant resolvedAt, Long vehicleId, String vehicleModel, String reworkOf,
                      String parentId, Integer csat) {
    }

    record Timeline(Person customer, List<VehicleView> vehicles, List<PastTicket> tickets,
                    List<CallbackHistory.PastCallback> callbacks, List<EscalationHistory.PastEscalation> escalations,
                    List<TicketNote> notes) {
    }

    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/customers/{id}/timeline")
    @Transactional
    Timeline timeline(@PathVariable long id, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!(me.has("AGENT") || me.has("SUPERVISOR") || me.has("ADMIN"))) {
            throw ApiException.forbidden("Only agents and supervisors read a customer's history.");
        }
        var file = customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
        long owner = file.mergedInto() != null ? file.mergedInto() : id;
        var person = owner == id ? file : customers.find(owner).orElseThrow();
        Map<String, String> channels = customers.conversationsOf(owner, 500).stream()
                .collect(Collectors.toMap(CustomerFiles.CustomerConversation::id, CustomerFiles.CustomerConversation::channel));
        List<Ticket> past = tickets.ofConversations(channels.keySet(), MAX_TICKETS);
        List<String> ids = past.stream().map(Ticket::id).toList();
        Map<String, Integer> csat = surveys.ofTickets(ids).stream().filter(s -> s.score() != null)
                .collect(Collectors.toMap(s -> s.ticketId(), s -> s.score(), (a, b) -> a));
        List<PastTicket> rows = past.stream().map(t -> new PastTicket(t.id(), t.type().name(),
                t.category() == null ? null : t.category().name(), t.status().name(), channels.get(t.conversationId()),
                t.openedAt(), t.sla().firstRespondedAt(), t.sla().resolvedAt(), t.vehicleId(), t.vehicleModel(), t.reworkOf(),
                t.parentId(), csat.get(t.id()))).toList();
        audit.record(me.id(), AuditAction.TIMELINE_READ, owner, null, null, null);
        return new Timeline(new Person(owner, Masking.name(person.name()), Masking.phone(person.phone()), person.phoneVerified(),
                        privacy.mayReveal(me.roles())),
                vehicles.viewsOf(owner), rows, callbacks.ofTickets(ids), escalations.ofTickets(ids), notes.notesOf(ids));
    }

}
