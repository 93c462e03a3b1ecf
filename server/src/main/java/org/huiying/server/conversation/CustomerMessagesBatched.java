package org.huiying.server.conversation;

import java.util.Set;

/**
 * Published inside the transaction of a batch of customer messages, before their
 * {@link CustomerMessagesStored}: listeners that look something up per conversation can read it
 * for the whole batch at once.
 */
public record CustomerMessagesBatched(Set<String> conversationIds) {
}
