package org.huiying.server.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.Redis;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Exactly one node of a cluster runs the SLA monitor; when it stops, another takes over within
 * seconds and fires what fell due in between, once. Both nodes run on the clock the test moves.
 */
@PostgresSchema
@ExtendWith(Redis.class)
class PostgresSlaFailoverIntegrationTests {

    @TempDir
    Path dataDirs;

    @PostgresSchema.Name
    private String schema;
    private final TestClock clock = new TestClock(SlaContract.T0);

    private RunningServer node(String name) {
        String[] cluster = Redis.clusterNodeArgs(schema);
        String[] args = java.util.Arrays.copyOf(cluster, cluster.length + 1);
        args[cluster.length] = "--huiying.sla.sweep-every=PT0.05S";
        return new RunningServer(dataDirs.resolve(name), args).withClock(clock);
    }

    private static boolean leading(RunningServer node) {
        return node.bean(SlaWatch.class).leading();
    }

    private static int crossings(JdbcClient db, String ticket, String kind) {
        return db.sql("SELECT COUNT(*) FROM sla_event WHERE ticket_id = ? AND metric = 'FIRST_RESPONSE' AND kind = ?")
                .params(ticket, kind).query(Integer.class).single();
    }

    private static java.time.Instant due(JdbcClient db, String ticket, String column) {
        return db.sql("SELECT " + column + " FROM ticket WHERE id = ?").param(ticket)
                .query((rs, n) -> org.huiying.server.storage.Timestamps.read(rs, column)).single();
    }

    @Test
    void aStandbyTakesOverTheScannerWithinSecondsAndFiresWhatFellDueOnce() {
        RunningServer a = node("a").start();
        try (RunningServer b = node("b").start()) {
            JdbcClient db = b.bean(JdbcClient.class);
            assertThat(leading(a)).isTrue();
            assertThat(leading(b)).isFalse();

            // a supervisor's board is connected to the standby
            String boss = SlaContract.supervisor(b.api());
            long bossId = b.api().get("/api/staff/me", boss).body().get("id").asLong();
            StompClient board = StompClient.connect(b.stompUri(), boss);
            board.subscribe("/topic/sla");
            b.awaitSubscribed(bossId, "/topic/sla");

            // opened on the standby: the leader learns of its clock over the cluster bus
            String ticket = SlaContract.openTicket(b, Map.of(), "你好，想咨询一下车辆保险的事情");
            clock.advance(Duration.between(clock.instant(), due(db, ticket, "first_response_warn_at")).plusSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> crossings(db, ticket, "WARNING") == 1);
            assertThat(crossings(db, ticket, "BREACH")).isZero();
            // recorded on the leader, seen live on the standby's board
            JsonNode live = board.await(f -> f.command().equals("MESSAGE") && f.json().path("ticketId").asString().equals(ticket)).json();
            assertThat(live.get("state").asString()).isEqualTo("WARNING");
            board.close();

            // the leader goes away; the breach falls due while nobody watches
            a.stop();
            clock.advance(Duration.between(clock.instant(), due(db, ticket, "first_response_due")).plusSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> leading(b));
            await().atMost(Duration.ofSeconds(10)).until(() -> crossings(db, ticket, "BREACH") == 1);

            // a third leader (the first, back as a standby, after B stops) replays nothing
            a.start();
            assertThat(leading(a)).isFalse();
            b.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> leading(a));
            clock.advance(Duration.ofMinutes(1));
            JdbcClient viaA = a.bean(JdbcClient.class);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                    crossings(viaA, ticket, "WARNING") == 1 && crossings(viaA, ticket, "BREACH") == 1);
        } finally {
            a.close();
        }
    }
}
