package org.huiying.server.expert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huiying.kb.Article;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.privacy.Masking;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.routing.TicketType;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.Sender;
import org.huiying.server.knowledge.KnowledgeDrafts;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A good answer becomes knowledge: a technician's question and the expert's answers are written up as
 * a DRAFT article (问题 / 解答, tagged with the fault codes and specialities) for review and publishing,
 * with phone numbers, VINs and the asker's name masked. Only TECH_SUPPORT tickets: a customer's own
 * conversation never becomes an article. Drafts are erased with the conversation they came from.
 */
@RestController
class KnowledgeDraftController {

    static final String DRAFT_PREFIX = "draft-";

    private final Tickets tickets;
    private final Conversations conversations;
    private final TechQuestions questions;
    private final KnowledgeDrafts drafts;
    private final RecordAccess access;
    private final CustomerFiles customers;

    KnowledgeDraftController(Tickets tickets, Conversations conversations, TechQuestions questions, KnowledgeDrafts drafts,
                             RecordAccess access, CustomerFiles customers) {
        this.customers = customers;
        this.access = access;
        this.tickets = tickets;
        this.conversations = conversations;
        this.questions = questions;
        this.drafts = drafts;
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/tickets/{id}/knowledge-draft")
    @ResponseStatus(HttpStatus.CREATED)
    Article draft(@PathVariable String id, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Only experts turn answers into articles.");
        }
        access.requireTicket(id, me);
        Ticket ticket = tickets.get(id);
        if (ticket.type() != TicketType.TECH_SUPPORT) {
            // a customer's conversation is theirs, not material for articles
            throw ApiException.conflict("not_tech_support", "Only a technician's question to the experts becomes a draft.");
        }
        List<String> people = customers.forConversation(ticket.conversationId()).map(c -> c.name()).stream().toList();
        List<String> asked = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (Message m : conversations.after(ticket.conversationId(), 0, 200)) {
            if (m.sender() == Sender.AGENT) {
                answered.add(Masking.text(m.text(), people));
            } else if (m.sender() == Sender.CUSTOMER || m.sender() == Sender.TECHNICIAN) {
                asked.add(Masking.text(m.text(), people));
            }
        }
        if (answered.isEmpty()) {
            throw ApiException.conflict("no_answer", "There is no answer on this ticket to write up yet.");
        }
        var question = questions.find(id);
        List<String> codes = question.map(TechQuestion::dtcCodes).orElse(List.of());
        Set<String> tags = new LinkedHashSet<>(codes);
        tags.addAll(ticket.skills());
        String first = asked.isEmpty() ? "技术问答" : asked.get(0).lines().findFirst().orElse("技术问答");
        String title = (codes.isEmpty() ? "" : String.join(" ", codes) + " ") + first;
        String body = "## 问题\n\n" + String.join("\n\n", asked) + "\n\n## 解答\n\n" + String.join("\n\n", answered) + "\n";
        String category = ticket.skills().isEmpty() ? "技术问答" : ticket.skills().iterator().next();
        return drafts.draft(DRAFT_PREFIX + id, title.length() > 120 ? title.substring(0, 120) : title, body, category,
                List.copyOf(tags), ticket.vehicleModel() == null ? List.of() : List.of(ticket.vehicleModel()));
    }
}
