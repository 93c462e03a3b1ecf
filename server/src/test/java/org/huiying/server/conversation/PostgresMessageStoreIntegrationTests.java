package org.huiying.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The message table on PostgreSQL, where migration 17 changes nothing. */
@ExtendWith(Postgres.class)
class PostgresMessageStoreIntegrationTests extends MessageStoreContract {

    @TempDir
    static Path dataDir;

    private final String schema = Postgres.newSchema();

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }

    @AfterAll
    void dropSchema() {
        Postgres.dropSchema(schema);
    }

    @Test
    void theClientIdStaysUniqueInTheDatabaseItself() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'message' AND schemaname = current_schema()")
                .query(String.class).list())
                .anyMatch(definition -> definition.startsWith("CREATE UNIQUE INDEX")
                        && definition.contains("(conversation_id, client_msg_id)"));
    }
}
