package org.huiying.server.report;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.huiying.server.escalation.AlertEscalations;
import org.huiying.server.escalation.EscalationRaised;
import org.huiying.server.storage.Timestamps;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises a threshold alert once: the alert's key is claimed and its escalation stored in one transaction,
 * so two nodes checking at once, or a check repeated every few minutes, raise it one time.
 */
@Component
class ReportAlerts {

    static final String CSAT = "CSAT_BELOW_TARGET";
    static final String FAULT_CODE = "FAULT_CODE_RISING";
    static final String REWORK = "REWORK_RATE_HIGH";
    static final String OVERRUN = "RESOLUTION_OVERRUN";

    private final AlertLog log;
    private final AlertEscalations escalations;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportAlerts(AlertLog log, AlertEscalations escalations, PlatformTransactionManager transactions, Clock clock) {
        this.log = log;
        this.escalations = escalations;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Raises {@code key} unless raised before (and, for a condition that clears, not cleared since). */
    boolean raise(String key, String kind, String subject, Supplier<List<String>> tickets) {
        if (log.isActive(key)) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!log.claim(key, kind, Timestamps.now(clock))) {
                return false;
            }
            EscalationRaised raised = escalations.raise(kind, subject, tickets.get());
            log.raisedAs(key, raised.id());
            return true;
        }));
    }

    /** The condition behind {@code key} no longer holds: a new crossing raises it again. */
    void clear(String key) {
        log.clear(key, Timestamps.now(clock));
    }

    /** Of {@code keys}, those already raised once (keys that never clear). */
    List<String> known(List<String> keys) {
        return log.known(keys);
    }
}
