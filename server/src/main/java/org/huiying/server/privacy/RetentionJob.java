package org.huiying.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
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
public class RetentionJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 200;

    private final CustomerRecords records;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Period retention;
    private final PrivacyProperties properties;
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "retention"));

    RetentionJob(CustomerRecords records, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
                 PrivacyProperties properties, @Value("${huiying.retention:P3Y}") String retention) {
        this.records = records;
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
        int conversations = 0;
        int customers = 0;
        List<String> expired;
        while (!(expired = records.expiredConversations(cutoff, BATCH)).isEmpty()) {
            for (String conversation : expired) {
                tx.executeWithoutResult(status -> {
                    records.purgeConversation(conversation, now);
                    audit.record(null, AuditAction.RETENTION, records.customerOfConversation(conversation).orElse(null),
                            conversation, "messages", "retention " + retention);
                });
                conversations++;
            }
        }
        List<Long> left;
        while (!(left = records.customersWithNothingLeft(cutoff, BATCH)).isEmpty()) {
            for (Long customer : left) {
                tx.executeWithoutResult(status -> {
                    records.anonymiseCustomer(customer, now);
                    audit.record(null, AuditAction.RETENTION, customer, null, "name,phone,vin", "retention " + retention);
                });
                customers++;
            }
        }
        return new Result(conversations, customers);
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
