package org.huiying.server.conversation;

import java.util.List;

/**
 * Customers' messages stored together by the group commit or the journal's applier, in the order
 * they were numbered: one event for the batch where {@link Conversations#append} publishes a
 * {@link MessageAppended} per message (Spring's dispatch of those, with an after-commit hook per
 * listener and message, was a fifth of the applier's time). Published inside the storing
 * transaction, after {@link CustomerMessagesBatched}.
 */
public record CustomerMessagesStored(List<Message> messages) {
}
