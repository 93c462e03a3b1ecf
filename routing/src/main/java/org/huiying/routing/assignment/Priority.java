package org.huiying.routing.assignment;

import org.huiying.routing.TicketType;
import org.huiying.routing.Category;
/**
 * Orders waiting tickets: technical problems first (seed rule), then complaints above other work.
 * Higher is more urgent.
 */
public final class Priority {

    private Priority() {
    }

    /** Roadside assistance and other emergencies jump every queue. */
    public static final int URGENT = 100;

    public static int of(TicketType type, Category category) {
        if (type == TicketType.ROADSIDE) {
            return URGENT;
        }
        int p = switch (type) {
            case TECH_SUPPORT -> 3;
            case COMPLAINT -> 2;
            case APPOINTMENT, CALLBACK -> 1;
            case INQUIRY, ROADSIDE -> 0;
        };
        if (category == Category.TECHNICAL) {
            p += 2;
        }
        return p;
    }
}
