package org.huiying.server.security;

import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Object-level checks for staff: may this person see this ticket or conversation? A record they may
 * not see answers exactly like one that does not exist (404), so ids cannot be probed. The rules are
 * the ticket module's ({@link RecordVisibility}); a conversation is visible through any visible ticket
 * on it.
 */
@Component
public class RecordAccess {

    private final RecordVisibility visibility;

    RecordAccess(RecordVisibility visibility) {
        this.visibility = visibility;
    }

    /** Throws 404 {@code not_found} unless the ticket exists and {@code me} may see it. */
    public void requireTicket(String ticketId, CurrentStaff me) {
        if (!visibility.ticketVisible(ticketId, me)) {
            throw ApiException.notFound("ticket");
        }
    }

    /** Throws 404 {@code not_found} unless the conversation exists and {@code me} may see it. */
    public void requireConversation(String conversationId, CurrentStaff me) {
        if (!visibility.conversationVisible(conversationId, me)) {
            throw ApiException.notFound("conversation");
        }
    }
}
