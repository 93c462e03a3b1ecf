package org.huiying.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one run, created through the maintenance database and
 * dropped at the end, so no run reads another's tickets or inherits its bloat.
 */
final class BenchDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String name;
    private final String maintenance;

    private BenchDatabase(String server, String maintenance, String user, String name) {
        this.server = server;
        this.maintenance = maintenance;
        this.user = user;
        this.name = name;
    }

    /** {@code server}: {@code jdbc:postgresql://host:port/}; {@code maintenance}: a database that exists (to issue CREATE DATABASE from). */
    static BenchDatabase create(String server, String maintenance, String user) throws SQLException {
        String name = "huiying_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(server + maintenance, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(server, maintenance, user, name);
    }

    String url() {
        return server + name;
    }

    String user() {
        return user;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server + maintenance, user, ""); Statement s = c.createStatement()) {
            // the server child is gone by now, but a pool may still be closing its sockets
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
