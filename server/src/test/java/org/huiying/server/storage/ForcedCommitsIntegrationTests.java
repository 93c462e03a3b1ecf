package org.huiying.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * On the embedded database an acknowledgement means the message is on the disk, not only in the
 * operating system's cache: the file was forced after the commit wrote it and before the ack left.
 * With the message journal off, so the chat message is what the commit writes (with it on, the
 * journal forces its own file before the ack, and the database's commits are the applier's).
 */
class ForcedCommitsIntegrationTests {

    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=256";

    @TempDir
    Path dataDir;

    @Test
    void aChatMessageIsForcedToTheDiskBeforeItIsAcknowledged() {
        ForceWatch.register();
        String url = "jdbc:h2:forcewatch:file:" + dataDir.resolve("db/huiying") + H2_OPTIONS;
        try (RunningServer server = new RunningServer(dataDir, "--spring.datasource.url=" + url, "--huiying.appends.journal=false").start()) {
            Api.Response session = server.api().post("/api/chat/sessions", null, Map.of("name", "车主"));
            assertThat(session.status()).isEqualTo(201);
            try (ChatClient customer = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
                for (int i = 1; i <= 5; i++) {
                    long before = ForceWatch.writes();

                    customer.sendJson(Map.of("type", "message", "cmid", "m" + i, "text", "第" + i + "次：车充不进电了"));
                    JsonNode ack = customer.awaitType("ack");

                    assertThat(ack.get("seq").asLong()).isEqualTo(i);
                    assertThat(ForceWatch.writes()).as("the commit wrote the file").isGreaterThan(before);
                    assertThat(ForceWatch.forcedUpTo()).as("a force that began after that write had finished").isGreaterThan(before);
                }
            }
        }
    }
}
