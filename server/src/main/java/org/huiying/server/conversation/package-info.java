/**
 * Conversations and their messages, whatever the channel. The one place a message is stored:
 * numbered by {@code seq} per conversation, deduplicated by the client's id, persisted before
 * anyone is told about it ({@link org.huiying.server.conversation.MessageAppended}, or
 * {@link org.huiying.server.conversation.CustomerMessagesStored} for a batch of customers' messages).
 */
package org.huiying.server.conversation;
