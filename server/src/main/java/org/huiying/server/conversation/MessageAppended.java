package org.huiying.server.conversation;

/**
 * A message was stored (published inside the storing transaction, so synchronous listeners share
 * its fate; pushes listen after commit).
 */
public record MessageAppended(Message message) {
}
