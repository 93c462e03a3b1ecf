package org.huiying.server.ticket;

import org.huiying.server.conversation.Message;

/**
 * A feature that may take a customer's message as its own (a survey answer, say), so that it
 * neither opens nor touches a ticket. Asked inside the transaction that stored the message.
 */
public interface CustomerMessageClaim {

    /** Whether this message is yours; handle it before answering true. */
    boolean claims(Message message);
}
