package org.huiying.server.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.CustomerDirectory;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes staff keep on a ticket, on the server so a colleague who picks the customer up next sees them.
 * Whoever may see the ticket may read and add them; each read and each note is audited against the
 * customer, since a note may quote them. They are never part of the conversation the customer sees.
 */
@Service
public class TicketNotes {

    public static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final RecordAccess access;
    private final Tickets tickets;
    private final StaffRepository staff;
    private final CustomerDirectory customers;
    private final AuditLog audit;
    private final Clock clock;

    TicketNotes(JdbcClient jdbc, RecordAccess access, Tickets tickets, StaffRepository staff, CustomerDirectory customers,
                AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.tickets = tickets;
        this.staff = staff;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TicketNote add(String ticketId, CurrentStaff by, String text) {
        access.requireTicket(ticketId, by);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("empty_note", "text: the note is empty");
        }
        if (body.length() > MAX_TEXT) {
            throw ApiException.badRequest("note_too_long", "text: at most " + MAX_TEXT + " characters");
        }
        Instant now = Timestamps.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ticket_note (ticket_id, staff_id, body, created_at) VALUES (?, ?, ?, ?)")
                .params(ticketId, by.id(), body, Timestamps.sql(now))
                .update(keys, "id");
        audit.record(by.id(), AuditAction.NOTE_ADD, customerOf(ticketId), ticketId, null, null);
        return new TicketNote(keys.getKey().longValue(), ticketId, by.id(), authorName(by.id()), body, now);
    }

    @Transactional
    public List<TicketNote> list(String ticketId, CurrentStaff by) {
        access.requireTicket(ticketId, by);
        audit.record(by.id(), AuditAction.NOTES_READ, customerOf(ticketId), ticketId, null, null);
        return notesOf(List.of(ticketId));
    }

    /** Notes of several tickets (for a customer's timeline, whose reader is audited there), oldest first. */
    public List<TicketNote> notesOf(List<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, ticket_id, staff_id, body, created_at FROM ticket_note
                WHERE ticket_id IN (:ids) ORDER BY created_at, id LIMIT 1000""")
                .param("ids", ticketIds)
                .query(this::note).list();
    }

    private TicketNote note(ResultSet rs, int row) throws SQLException {
        long author = rs.getLong("staff_id");
        return new TicketNote(rs.getLong("id"), rs.getString("ticket_id"), author, authorName(author), rs.getString("body"),
                Timestamps.read(rs, "created_at"));
    }

    private String authorName(long staffId) {
        return staff.findById(staffId).map(s -> s.displayName()).orElse(null);
    }

    private Long customerOf(String ticketId) {
        Optional<Long> customer = customers.customerOf(tickets.get(ticketId).conversationId());
        return customer.orElse(null);
    }
}
