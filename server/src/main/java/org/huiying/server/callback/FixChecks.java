package org.huiying.server.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.routing.TicketType;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Service;

/**
 * The call a month after a fix, to hear that it held ({@code MONTHLY_CHECK}), for the customers of tickets
 * whose root cause R&D fixed: one call per customer, however many of the tickets were theirs, owned by the
 * agent who handled that customer's ticket. Technicians' questions have no customer to call.
 */
@Service
public class FixChecks {

    private final CallbackRepository callbacks;
    private final Tickets tickets;
    private final CustomerFiles customers;
    private final CallbackProperties properties;
    private final ZoneId zone;
    private final Clock clock;

    FixChecks(CallbackRepository callbacks, Tickets tickets, CustomerFiles customers, CallbackProperties properties,
              HuiyingProperties huiying, Clock clock) {
        this.callbacks = callbacks;
        this.tickets = tickets;
        this.customers = customers;
        this.properties = properties;
        this.zone = huiying.zone();
        this.clock = clock;
    }

    /**
     * Books the checks, due {@code huiying.callback.monthly-after} from now, in the caller's transaction (so
     * they are stored with the fix or not at all); a replay books nothing twice. Returns how many customers
     * will be called.
     */
    public int bookAfterFix(String escalationId, List<String> ticketIds) {
        Instant now = Timestamps.now(clock);
        Instant due = now.atZone(zone).plus(properties.monthlyAfter()).toInstant();
        Map<String, Ticket> byId = tickets.getAll(ticketIds);
        Set<String> called = new HashSet<>();
        for (String id : ticketIds) {
            Ticket ticket = byId.get(id);
            if (ticket == null || ticket.type() == TicketType.TECH_SUPPORT) {
                continue;
            }
            String customer = customers.forConversation(ticket.conversationId())
                    .map(c -> "customer:" + c.customerId()).orElse("conversation:" + ticket.conversationId());
            if (called.add(customer)) {
                callbacks.insertOnce(RandomIds.id("cb"), ticket.id(), Callbacks.MONTHLY_CHECK, escalationId, due,
                        ticket.assigneeId(), now);
            }
        }
        return called.size();
    }
}
