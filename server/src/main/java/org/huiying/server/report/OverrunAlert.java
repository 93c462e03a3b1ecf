package org.huiying.server.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huiying.routing.TicketType;
import org.huiying.server.ticket.OverdueTickets;
import org.huiying.server.ticket.SlaTargets;
import org.springframework.stereotype.Component;

/**
 * Seed rule: work running {@code huiying.alerts.resolution-overrun} (20 %) over its standard time is flagged
 * for review. A ticket still unresolved, its clock running (not waiting on the customer), that far past its
 * resolution deadline (a fifth of its type's resolution target beyond it) is raised once.
 */
@Component
class OverrunAlert {

    /** Raised per check at most (the rest wait for the next), and read per page. */
    private static final int MOST_PER_CHECK = 100;
    private static final int PAGE = 500;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final OverdueTickets overdue;
    private final SlaTargets targets;
    private final ReportAlerts alerts;
    private final AlertProperties properties;

    OverrunAlert(OverdueTickets overdue, SlaTargets targets, ReportAlerts alerts, AlertProperties properties) {
        this.overdue = overdue;
        this.targets = targets;
        this.alerts = alerts;
        this.properties = properties;
    }

    void check(Instant now, ZoneId zone) {
        int raised = 0;
        for (TicketType type : TicketType.values()) {
            Duration grace = Duration.ofMillis(Math.round(targets.resolution(type).toMillis() * properties.resolutionOverrun()));
            OverdueTickets.Overdue after = null;
            List<OverdueTickets.Overdue> page;
            while (raised < MOST_PER_CHECK && !(page = overdue.dueBy(type, now.minus(grace), after, PAGE)).isEmpty()) {
                Set<String> known = new HashSet<>(alerts.known(page.stream().map(o -> key(o.ticketId())).toList()));
                for (OverdueTickets.Overdue o : page) {
                    if (raised < MOST_PER_CHECK && !known.contains(key(o.ticketId())) && raise(o, zone)) {
                        raised++;
                    }
                }
                after = page.get(page.size() - 1);
            }
        }
    }

    private boolean raise(OverdueTickets.Overdue o, ZoneId zone) {
        String subject = String.format("%s工单超出解决时限 %.0f%% 仍未解决（应于 %s 解决）%s", MonthlyTables.TYPES.get(o.type().name()),
                properties.resolutionOverrun() * 100, DUE.withZone(zone).format(o.resolutionDue()),
                o.model() == null ? "" : "，车型 " + o.model());
        return alerts.raise(key(o.ticketId()), ReportAlerts.OVERRUN, subject, () -> List.of(o.ticketId()));
    }

    private static String key(String ticketId) {
        return "overrun:" + ticketId;
    }
}
