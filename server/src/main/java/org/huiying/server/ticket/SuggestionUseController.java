package org.huiying.server.ticket;

import java.time.Clock;
import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private final SuggestionUses uses;
    private final Clock clock;

    private final RecordAccess access;

    SuggestionUseController(Tickets tickets, SuggestionUses uses, Clock clock, RecordAccess access) {
        this.access = access;
        this.tickets = tickets;
        this.uses = uses;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
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
        uses.record(id, articleId, me.id(), Timestamps.now(clock));
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/reports/suggestions")
    List<SuggestionUses.Usage> usage(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("SUPERVISOR") && !me.has("ADMIN") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only experts, supervisors and admins see this report.");
        }
        return uses.mostUsed();
    }
}
