package org.huiying.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention ({@code huiying.retention}, default three years): a conversation whose tickets are all
 * resolved and that has been silent that long loses its message texts; a customer left with no such
 * conversation loses phone number, name and VIN. Tickets, SLA history and survey scores stay, so the
 * statistics do not change. Runs every {@code huiying.privacy.retention-sweep-every} (default daily),
 * each conversation in its own transaction with its audit record.
 */
@Component
class RetentionJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 200;

    private final CustomerDirectory customers;
    private final PersonalDataOwners owners;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Period retention;
    private final PrivacyProperties properties;
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "retention"));

    RetentionJob(CustomerDirectory customers, PersonalDataOwners owners, AuditLog audit, PlatformTransactionManager transactions,
                 Clock clock, PrivacyProperties properties, @Value("${huiying.retention:P3Y}") String retention) {
        this.customers = customers;
        this.owners = owners;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.retention = parse(retention);
    }

    private static Period parse(String value) {
        try {
            Period p = Period.parse(value.strip());
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("huiying.retention must be positive, e.g. P3Y: " + value);
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("huiying.retention: an ISO-8601 period such as P3Y or P90D, not " + value, e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        work.scheduleWithFixedDelay(this::runQuietly, properties.retentionFirstSweepAfter().toMillis(),
                properties.retentionSweepEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            Result r = run();
            if (r.conversations() > 0 || r.customers() > 0) {
                log.info("Retention: message texts removed from {} conversations, {} customers anonymised",
                        r.conversations(), r.customers());
            }
        } catch (RuntimeException e) {
            log.warn("Retention pass failed; the next one retries", e);
        }
    }

    public record Result(int conversations, int customers) {
    }

    /** One full pass at the clock's time; returns how much it removed. */
    public Result run() {
        Instant now = Timestamps.now(clock);
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        int purged = 0;
        int anonymised = 0;
        // a conversation expires when the conversation module finds it silent and no module still needs it (an open ticket)
        String after = null;
        List<String> silent;
        while (!(silent = customers.silentSince(cutoff, after, BATCH)).isEmpty()) {
            after = silent.get(silent.size() - 1);
            Set<String> needed = owners.stillNeeded(silent);
            for (String conversation : silent) {
                if (needed.contains(conversation)) {
                    continue;
                }
                tx.executeWithoutResult(status -> {
                    owners.eraseConversation(conversation, now);
                    audit.record(null, AuditAction.RETENTION, customers.customerOf(conversation).orElse(null),
                            conversation, "messages", "retention " + retention);
                });
                purged++;
            }
        }
        List<Long> left;
        while (!(left = customers.withNothingLeft(cutoff, BATCH)).isEmpty()) {
            for (Long customer : left) {
                tx.executeWithoutResult(status -> {
                    owners.eraseCustomer(customer, customers.conversationsOf(customer), now);
                    audit.record(null, AuditAction.RETENTION, customer, null, "name,phone,vin", "retention " + retention);
                });
                anonymised++;
            }
        }
        return new Result(purged, anonymised);
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
