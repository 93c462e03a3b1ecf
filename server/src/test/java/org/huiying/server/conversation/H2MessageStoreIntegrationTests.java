package org.huiying.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message table on the embedded H2 file database (migration 17). */
class H2MessageStoreIntegrationTests extends MessageStoreContract {

    @TempDir
    static Path dataDir;

    @Override
    protected RunningServer newServer() {
        return new RunningServer(dataDir);
    }

    @Test
    void storingAMessageWritesOnlyOneIndexOrderedByConversation() {
        Map<String, String> columnsByIndex = new LinkedHashMap<>();
        jdbc.sql("SELECT index_name, column_name FROM information_schema.index_columns WHERE table_name = 'message' "
                        + "ORDER BY index_name, ordinal_position")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> columnsByIndex.merge(e.getKey(), e.getValue(), (a, b) -> a + "," + b));
        List<String> byConversation = columnsByIndex.values().stream()
                .filter(columns -> columns.startsWith("conversation_id")).collect(Collectors.toList());
        assertThat(byConversation).containsExactly("conversation_id,seq");
        assertThat(columnsByIndex.values()).containsExactlyInAnyOrder("id", "conversation_id,seq");
    }
}
