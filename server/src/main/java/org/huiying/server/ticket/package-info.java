/**
 * Tickets: opened by a customer's first message (classified, SLA clock started), assigned by the
 * dispatcher to someone with the skill and the capacity, answered, transferred and resolved.
 */
package org.huiying.server.ticket;
