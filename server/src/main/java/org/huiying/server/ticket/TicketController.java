package org.huiying.server.ticket;

import java.util.List;
import java.util.Map;
import org.huiying.server.conversation.MessageView;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

    private final Tickets tickets;
    private final TicketViews views;

    private final RecordAccess access;
    private final TicketReclassification reclassification;
    private final TicketNotes notes;

    TicketController(Tickets tickets, TicketViews views, RecordAccess access, TicketReclassification reclassification,
                     TicketNotes notes) {
        this.reclassification = reclassification;
        this.notes = notes;
        this.access = access;
        this.tickets = tickets;
        this.views = views;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/tickets")
    List<TicketView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String queue,
                          @RequestParam(required = false) String assignee, Authentication auth) {
        return tickets.list(status(status), queue, assignee(assignee, auth), CurrentStaff.of(auth)).stream().map(views::of).toList();
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/tickets/{id}")
    TicketView get(@PathVariable String id, Authentication auth) {
        access.requireTicket(id, CurrentStaff.of(auth));
        return views.withSuggestions(id);
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView reply(@PathVariable String id, @RequestBody TextBody body, Authentication auth) {
        return MessageView.of(tickets.reply(id, CurrentStaff.of(auth), body.text()).message());
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/resolve")
    TicketView resolve(@PathVariable String id, Authentication auth) {
        return views.of(tickets.resolve(id, CurrentStaff.of(auth)));
    }

    /** The question is with the customer now: the SLA clock stops until they write back. */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/wait-customer")
    TicketView waitForCustomer(@PathVariable String id, Authentication auth) {
        return views.of(tickets.waitForCustomer(id, CurrentStaff.of(auth)));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/transfer")
    TicketView transfer(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication auth) {
        Object to = body.get("to");
        return views.of(tickets.transfer(id, CurrentStaff.of(auth), to == null ? null : to.toString()));
    }

    /** Corrects type, category, skills or vehicle; the fields left out stay. */
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @PatchMapping("/api/tickets/{id}")
    TicketView reclassify(@PathVariable String id, @RequestBody Map<String, Object> body, Authentication auth) {
        return views.of(reclassification.reclassify(id, CurrentStaff.of(auth), body));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    TicketNote addNote(@PathVariable String id, @RequestBody TextBody body, Authentication auth) {
        return notes.add(id, CurrentStaff.of(auth), body.text());
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/tickets/{id}/notes")
    List<TicketNote> notes(@PathVariable String id, Authentication auth) {
        return notes.list(id, CurrentStaff.of(auth));
    }

    record TextBody(String text) {
    }

    private static TicketStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_parameter", "status: OPEN, ASSIGNED, WAITING_CUSTOMER or RESOLVED");
        }
    }

    private static Long assignee(String assignee, Authentication auth) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        if (assignee.equals("me")) {
            return CurrentStaff.of(auth).id();
        }
        try {
            return Long.parseLong(assignee);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_parameter", "assignee: me or a staff id");
        }
    }
}
