package org.huiying.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.huiying.server.support.Postgres;
import org.huiying.server.support.PostgresSchema;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message table on PostgreSQL, where migration 17 changes nothing. */
@PostgresSchema
class PostgresMessageStoreIntegrationTests extends MessageStoreContract {

    @TempDir
    static Path dataDir;

    @PostgresSchema.Name
    private String schema;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir, Postgres.serverArgs(schema));
    }

    @Test
    void theClientIdStaysUniqueInTheDatabaseItself() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'message' AND schemaname = current_schema()")
                .query(String.class).list())
                .anyMatch(definition -> definition.startsWith("CREATE UNIQUE INDEX")
                        && definition.contains("(conversation_id, client_msg_id)"));
    }
}
