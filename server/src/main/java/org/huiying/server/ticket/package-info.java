/**
 * Tickets and their SLA clocks: opened by a customer's first message (classified), a voice-menu
 * choice, a technician's question or a follow-up — always through {@code TicketOpening}, which starts
 * the clock from the policy of its type ({@code SlaSettings}); assigned by the dispatcher to someone
 * with the skill and the capacity, answered, transferred and resolved. Owns the tables {@code ticket},
 * {@code ticket_participant}, {@code sla_event} (the clock's history), {@code kb_suggestion_use} and {@code ticket_note},
 * and so decides who may see a ticket ({@code TicketVisibility}, behind security's
 * {@link org.huiying.server.security.RecordVisibility}) and serves the SLA monitor its clocks
 * ({@code TicketSlaClocks}, as routing's {@code SlaMonitor.Store}).
 */
package org.huiying.server.ticket;
