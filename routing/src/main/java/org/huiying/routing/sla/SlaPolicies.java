package org.huiying.routing.sla;

import org.huiying.routing.TicketType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One SLA policy per ticket type. Defaults follow the source documents: complaints 2 h / 48 h,
 * appointments answered in 30 min, expert answers in 5 min,
 * roadside help answered in 5 min and on site within 2 h.
 */
public final class SlaPolicies {

    private final Map<TicketType, SlaPolicy> byType;

    private static final Map<TicketType, SlaPolicy> DEFAULTS = Map.of(
            TicketType.INQUIRY, new SlaPolicy(Duration.ofHours(1), Duration.ofHours(24)),
            TicketType.COMPLAINT, new SlaPolicy(Duration.ofHours(2), Duration.ofHours(48)),
            TicketType.APPOINTMENT, new SlaPolicy(Duration.ofMinutes(30), Duration.ofHours(24)),
            TicketType.TECH_SUPPORT, new SlaPolicy(Duration.ofMinutes(5), Duration.ofHours(8)),
            TicketType.CALLBACK, new SlaPolicy(Duration.ofHours(1), Duration.ofHours(24)),
            // answered in minutes; help on site within two hours (the seeds' arrival rule)
            TicketType.ROADSIDE, new SlaPolicy(Duration.ofMinutes(5), Duration.ofHours(2)));

    /** Policies for the given types; a type left out keeps its default. */
    public SlaPolicies(Map<TicketType, SlaPolicy> overrides) {
        EnumMap<TicketType, SlaPolicy> merged = new EnumMap<>(DEFAULTS);
        merged.putAll(overrides);
        this.byType = Map.copyOf(merged);
    }

    /** The policies the product ships with. */
    public static SlaPolicies defaults() {
        return new SlaPolicies(Map.of());
    }

    public SlaPolicy forType(TicketType type) {
        return byType.get(type);
    }
}
