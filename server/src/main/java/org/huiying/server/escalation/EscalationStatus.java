package org.huiying.server.escalation;

/**
 * An escalation's life: raised OPEN, ACKNOWLEDGED by the one who owns it from then on, closed RESOLVED (root
 * cause and fix) or REJECTED (reason). No step is skipped and nothing reopens.
 */
enum EscalationStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, REJECTED;

    /** The state this one may move to next. */
    boolean mayBecome(EscalationStatus next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED;
            case ACKNOWLEDGED -> next == RESOLVED || next == REJECTED;
            case RESOLVED, REJECTED -> false;
        };
    }

    boolean closed() {
        return this == RESOLVED || this == REJECTED;
    }
}
