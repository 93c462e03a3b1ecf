package org.huiying.server.conversation;

import java.time.Instant;

/** A stored message. {@code staffId} is set for staff messages, {@code clientMessageId} when the client gave one. */
public record Message(String conversationId, long seq, Sender sender, Long staffId, String clientMessageId,
                      String channel, String text, String delivery, Instant at) {
}
