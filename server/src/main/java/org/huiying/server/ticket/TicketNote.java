package org.huiying.server.ticket;

import java.time.Instant;

/** A staff note on a ticket: for colleagues, never shown to the customer. */
public record TicketNote(long id, String ticketId, long authorId, String author, String text, Instant createdAt) {
}
