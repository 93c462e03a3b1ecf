package org.huiying.server.conversation;

/** The outcome of an append: the stored message, and whether it had been stored before. */
public record Appended(Message message, boolean duplicate) {
}
