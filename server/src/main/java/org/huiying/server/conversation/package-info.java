/**
 * Conversations and their messages, whatever the channel. The one place a message is stored:
 * numbered by {@code seq} per conversation, deduplicated by the client's id, persisted before
 * anyone is told about it ({@link org.huiying.server.conversation.MessageAppended}).
 */
package org.huiying.server.conversation;
