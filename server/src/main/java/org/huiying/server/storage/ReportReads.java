package org.huiying.server.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Statements that read a period's worth of rows for a report (hundreds of thousands of tickets, sorted for
 * medians). On PostgreSQL, for the rest of the caller's transaction only: no JIT compilation (its cost
 * estimate calls for it, and compiling took longer than the query: 1.4 s against 0.25 s for a month of
 * tickets, docs/benchmarks.md) and sorts in memory up to {@code huiying.reports.sort-memory} instead of
 * spilling to disk. On H2 nothing changes.
 */
@Component
public class ReportReads {

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final String sortMemory;

    ReportReads(JdbcClient jdbc, @Value("${spring.datasource.url}") String url,
                @Value("${huiying.reports.sort-memory:64MB}") String sortMemory) {
        this.jdbc = jdbc;
        this.postgres = url.startsWith("jdbc:postgresql:");
        if (!sortMemory.matches("[0-9]{1,6}(kB|MB|GB)")) {
            throw new IllegalArgumentException("huiying.reports.sort-memory: a size such as 64MB, not " + sortMemory);
        }
        this.sortMemory = sortMemory;
    }

    /** Call at the start of a (read-only) transaction that runs report statements. */
    public void prepare() {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("SET LOCAL jit = off").update();
            jdbc.sql("SET LOCAL work_mem = '" + sortMemory + "'").update();
        }
    }
}
