package org.huiying.server.conversation;

/** A new web-chat conversation and the secret its customer connects with. */
public record ChatSession(String conversationId, String customerToken) {
}
