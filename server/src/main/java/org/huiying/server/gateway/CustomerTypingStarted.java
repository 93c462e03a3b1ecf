package org.huiying.server.gateway;

/** A customer is typing in a conversation (not stored; a hint for the agent's screen). */
public record CustomerTypingStarted(String conversationId) {
}
