package org.huiying.routing.assignment;

import java.util.List;

/** One stage of the routing pipeline: narrows the candidates for a ticket. */
public interface RoutingStep {

    List<AgentSnapshot> narrow(WaitingTicket ticket, List<AgentSnapshot> candidates);
}
