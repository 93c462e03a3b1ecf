package org.huiying.server.ticket;

import java.time.Clock;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts how often a suggested article was actually used (inserted into a reply), so the
 * knowledge base's owners see which articles earn their place. Once per ticket and article.
 */
@RestController
class SuggestionUseController {

    private final Tickets tickets;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final RecordAccess access;

    SuggestionUseController(Tickets tickets, JdbcClient jdbc, Clock clock, RecordAccess access) {
        this.access = access;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Usage(String articleId, long tickets) {
    }

    @PostMapping("/api/tickets/{id}/suggestions/{articleId}/used")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void used(@PathVariable String id, @PathVariable String articleId, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(id, me);
        Ticket ticket = tickets.get(id);
        if (!Long.valueOf(me.id()).equals(ticket.assigneeId()) && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("This ticket is assigned to someone else.");
        }
        if (articleId.length() > 128) {
            throw ApiException.badRequest("invalid_article", "article id: at most 128 characters");
        }
        jdbc.sql("""
                INSERT INTO kb_suggestion_use (ticket_id, article_id, staff_id, used_at)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM kb_suggestion_use WHERE ticket_id = ? AND article_id = ?)""")
                .params(id, articleId, me.id(), Timestamps.sql(Timestamps.now(clock)), id, articleId).update();
    }

    @GetMapping("/api/reports/suggestions")
    List<Usage> usage(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only experts, supervisors and admins see this report.");
        }
        return jdbc.sql("SELECT article_id, COUNT(*) AS n FROM kb_suggestion_use GROUP BY article_id ORDER BY n DESC, article_id LIMIT 100")
                .query((rs, i) -> new Usage(rs.getString("article_id"), rs.getLong("n"))).list();
    }
}
