package org.huiying.server.expert;

import java.time.Instant;
import java.util.List;
import org.huiying.server.knowledge.KnowledgeDrafts;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Component;

/**
 * A knowledge draft quotes the question it came from (masked, but the asker's words all the same), so
 * erasing a conversation erases the drafts written from its tickets, with their saved versions.
 * A draft already reviewed and published is the centre's article and stays.
 */
@Component
class KnowledgeDraftPersonalData implements PersonalData {

    private final Tickets tickets;
    private final KnowledgeDrafts drafts;

    KnowledgeDraftPersonalData(Tickets tickets, KnowledgeDrafts drafts) {
        this.tickets = tickets;
        this.drafts = drafts;
    }

    /** Before the ticket module's part: the tickets must still be there to say which drafts are theirs. */
    @Override
    public int getOrder() {
        return 400;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        List<Ticket> ofConversation = tickets.ofConversations(List.of(conversationId), 10_000);
        ofConversation.forEach(t -> drafts.erase(KnowledgeDraftController.DRAFT_PREFIX + t.id()));
        return 0;
    }
}
