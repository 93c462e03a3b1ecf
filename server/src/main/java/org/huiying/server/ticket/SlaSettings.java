package org.huiying.server.ticket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.huiying.routing.sla.SlaPolicies;
import org.huiying.routing.sla.SlaPolicy;
import org.huiying.routing.TicketType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The SLA policy every ticket's clock is started with: the version in force in the database
 * ({@link SlaPolicyStore}, edited by admins), whose first version each type takes from
 * {@code huiying.sla.<TYPE>.first-response/resolution}; and {@code huiying.sla.warn-at}. The
 * type keys are upper case as in the contract, which record binding cannot express, hence the
 * explicit lookup; a lower-case key is accepted too.
 */
@Component
class SlaSettings {

    private final SlaPolicyStore store;
    private final double warnAt;

    SlaSettings(Environment env, SlaPolicyStore store) {
        this.store = store;
        Map<TicketType, SlaPolicy> configured = new EnumMap<>(TicketType.class);
        SlaPolicies defaults = SlaPolicies.defaults();
        for (TicketType type : TicketType.values()) {
            SlaPolicy fallback = defaults.forType(type);
            configured.put(type, new SlaPolicy(
                    duration(env, type, "first-response", fallback.firstResponse()),
                    duration(env, type, "resolution", fallback.resolution())));
        }
        store.seed(new SlaPolicies(configured));
        this.warnAt = env.getProperty("huiying.sla.warn-at", Double.class, 0.75);
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalStateException("huiying.sla.warn-at must be between 0 and 1, was " + warnAt);
        }
    }

    public SlaPolicies policies() {
        return store.current();
    }

    public double warnAt() {
        return warnAt;
    }


    private static Duration duration(Environment env, TicketType type, String metric, Duration fallback) {
        String upper = "huiying.sla." + type.name() + "." + metric;
        String lower = "huiying.sla." + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + metric;
        String value = env.getProperty(upper, env.getProperty(lower));
        return value == null ? fallback : Duration.parse(value);
    }
}
