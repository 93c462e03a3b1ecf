package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * How privacy puts the modules' {@link PersonalData} together: the export reads the record's roots
 * first, and the retention candidates are paged past those a module still needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PersonalDataIntegrationTests {

    @TempDir
    static Path dataDir;

    private RunningServer server;

    @BeforeAll
    void start() {
        server = new RunningServer(dataDir).start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theExportListsTheCustomerThenWhatHangsOffThem() {
        Api api = server.api();
        String admin = api.adminToken();
        Scenes.Scene s = new Scenes(server, admin).chat(Map.of("name", "吴先生", "phone", "13300006666"), "刹车异响");
        s.resolve();

        Api.Response export = api.get("/api/customers/" + s.customerId() + "/export", admin);

        assertThat(export.status()).isEqualTo(200);
        List<String> sections = new ArrayList<>(export.body().propertyNames());
        assertThat(sections).containsExactly("customer", "conversations", "messages", "vehicles", "media", "tickets", "surveys", "callbacks",
                "calls", "exportedAt");
    }

    @Test
    void retentionCandidatesArePagedByStartThenIdSoThoseKeptDoNotHideTheRest() {
        JdbcClient jdbc = server.bean(JdbcClient.class);
        OffsetDateTime old = Instant.now().minus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO customer (name, created_at) VALUES ('old', ?)").param(old).update(keys, "id");
        long customer = keys.getKey().longValue();
        List<String> ids = List.of("page-e", "page-a", "page-d", "page-b", "page-c");
        for (String id : ids) { // one start for all: only the id orders them
            jdbc.sql("INSERT INTO conversation (id, customer_id, channel, created_at) VALUES (?, ?, 'WEB', ?)")
                    .params(id, customer, old).update();
        }
        CustomerDirectory directory = server.bean(CustomerDirectory.class);
        Instant cutoff = Instant.now().minus(Duration.ofDays(1000));

        List<String> seen = new ArrayList<>();
        String after = null;
        List<String> page;
        while (!(page = directory.silentSince(cutoff, after, 2)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(2);
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }

        assertThat(seen).containsExactly("page-a", "page-b", "page-c", "page-d", "page-e");
    }
}
