package org.huiying.server.conversation.store;

import java.time.Instant;

/**
 * A message as the store keeps and answers it: the conversation module's {@code Message}, field for
 * field, which the store cannot name without depending on the module. The store only creates
 * customers' messages; a repeated client id may find any earlier message, so the other fields
 * travel too. {@code sender} is the name of the module's {@code Sender}.
 */
public record StoredMessage(String conversationId, long seq, String sender, Long staffId, String clientMessageId,
                            String channel, String text, String delivery, Instant at) {

    static final String CUSTOMER = "CUSTOMER";

    static StoredMessage customer(String conversationId, long seq, String clientMessageId, String channel, String text,
                                  Instant at) {
        return new StoredMessage(conversationId, seq, CUSTOMER, null, clientMessageId, channel, text, null, at);
    }
}
