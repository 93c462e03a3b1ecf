package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retention on a clock the test moves: three years after a conversation closed, its texts and its
 * customer's personal data are gone, the ticket (and so every statistic) stays; open and recent
 * conversations are untouched. Runs once per database.
 */
abstract class RetentionContract {

    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    RunningServer server;

    protected abstract RunningServer newServer();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void closedConversationsOlderThanTheRetentionLoseTextsAndPersonalDataButKeepTheirTickets() {
        server = newServer().withClock(clock).start();
        Api api = server.api();
        String admin = api.adminToken();
        Scenes scenes = new Scenes(server, admin);
        Scenes.Scene closed = scenes.chat(Map.of("name", "王先生", "phone", "13812345678", "vin", "LSVAU2180N2183294",
                "model", "汉EV"), "车充不进电了");
        closed.resolve();
        Scenes.Scene stillOpen = scenes.chat(Map.of("name", "李女士", "phone", "13900001111"), "投诉：维修三次没修好");
        RetentionJob job = server.bean(RetentionJob.class);
        assertThat(job.run()).isEqualTo(new RetentionJob.Result(0, 0));

        clock.advance(Duration.ofDays(3 * 365 + 2));
        Scenes.Scene recent = scenes.chat(Map.of("name", "赵先生", "phone", "13700002222"), "想预约保养");
        recent.resolve();
        RetentionJob.Result result = job.run();

        assertThat(result).isEqualTo(new RetentionJob.Result(1, 1));
        JsonNode gone = export(api, admin, closed.customerId());
        assertThat(gone.get("customer").hasNonNull("name")).isFalse();
        assertThat(gone.get("customer").hasNonNull("phone")).isFalse();
        assertThat(gone.get("customer").hasNonNull("vin")).isFalse();
        assertThat(gone.get("customer").get("vehicleModel").asString()).isEqualTo("汉EV");
        assertThat(gone.get("messages").valueStream().map(m -> m.get("text").asString())).isNotEmpty().containsOnly("[已删除]");
        assertThat(gone.get("tickets")).singleElement().satisfies(t -> {
            assertThat(t.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(t.hasNonNull("resolvedAt")).isTrue();
        });
        assertThat(api.get("/api/tickets/" + closed.ticket(), admin).status()).isEqualTo(200);
        assertThat(export(api, admin, stillOpen.customerId()).get("customer").get("name").asString()).isEqualTo("李女士");
        assertThat(export(api, admin, stillOpen.customerId()).get("messages").valueStream().map(m -> m.get("text").asString()))
                .contains("投诉：维修三次没修好");
        assertThat(export(api, admin, recent.customerId()).get("customer").get("phone").asString()).isEqualTo("13700002222");
        JsonNode audit = api.get("/api/audit?action=RETENTION&customer=" + closed.customerId(), admin).body();
        assertThat(audit.get("total").asLong()).isEqualTo(2);
        assertThat(audit.get("items").valueStream()).allSatisfy(e -> assertThat(e.hasNonNull("actor")).isFalse());

        assertThat(job.run()).isEqualTo(new RetentionJob.Result(0, 0));
    }

    private static JsonNode export(Api api, String admin, long customer) {
        Api.Response r = api.get("/api/customers/" + customer + "/export", admin);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }
}
