package org.huiying.server.sla;

import org.huiying.server.cluster.ClusterEvent;

/** A ticket's SLA clock changed on some node; the leader re-reads it. */
public record SlaClockMoved(String ticketId) implements ClusterEvent {
}
