/**
 * Conversations and their messages, whatever the channel. The one place a message is stored:
 * numbered by {@code seq} per conversation, deduplicated by the client's id, persisted before
 * anyone is told about it ({@link org.huiying.server.conversation.MessageAppended}, or
 * {@link org.huiying.server.conversation.CustomerMessagesStored} for a batch of customers' messages).
 * How customers' messages are made durable (group commit or journal) is the internal sub-package
 * {@code store}'s business; it calls back into this package only through the
 * {@code MessageTable} that {@code MessageRows} implements.
 */
package org.huiying.server.conversation;
