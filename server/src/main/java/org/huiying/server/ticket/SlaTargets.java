package org.huiying.server.ticket;

import java.time.Duration;
import org.huiying.routing.TicketType;
import org.springframework.stereotype.Component;

/** The SLA targets in force ({@code huiying.sla.<TYPE>.*}), for those who judge work against them. */
@Component
public class SlaTargets {

    private final SlaSettings settings;

    SlaTargets(SlaSettings settings) {
        this.settings = settings;
    }

    public Duration firstResponse(TicketType type) {
        return settings.policies().forType(type).firstResponse();
    }

    public Duration resolution(TicketType type) {
        return settings.policies().forType(type).resolution();
    }
}
