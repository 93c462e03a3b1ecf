package org.huiying.server.ticket;

import java.util.Set;

/**
 * Tickets whose customer is waiting on a live line for a person: a caller in the hotline's queue. The
 * channel holding the line offers such a ticket to an agent itself (with the caller), so the dispatcher
 * leaves it out of its passes: handed out as chat work, it would take the seat of the agent who is about
 * to answer the phone. Once the caller is answered the ticket is the answering agent's; once they hang
 * up or leave the queue, the channel calls {@link Tickets#leftTheLine} and it is ordinary queued work.
 *
 * <p>Declared here and implemented by the module that holds the line, so tickets need know no channel.
 */
public interface WaitingOnTheLine {

    /** The tickets of customers waiting on a line right now. */
    Set<String> ticketIds();
}
