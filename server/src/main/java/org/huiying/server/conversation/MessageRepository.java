package org.huiying.server.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MessageRepository {

    private static final String COLUMNS = "conversation_id, seq, sender, staff_id, client_msg_id, channel, body, delivery, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MessageRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The messages of a conversation stored under any of these client ids. */
    List<Message> findByClientIds(String conversationId, Collection<String> clientMessageIds) {
        if (clientMessageIds.isEmpty()) {
            return List.of();
        }
        // one statement: on PostgreSQL the client-id index answers it; the embedded H2 has no such
        // index (migration 17) and reads the conversation's messages once instead of once per id
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :conversation AND client_msg_id IN (:ids)")
                .param("conversation", conversationId).param("ids", InLists.padded(clientMessageIds))
                .query(MessageRepository::map).list();
    }

    /** One JDBC batch: one round of statement work instead of one per message. */
    void insertAll(List<Message> messages) {
        batch.batchUpdate("INSERT INTO message (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", messages, messages.size(),
                (ps, m) -> {
                    ps.setString(1, m.conversationId());
                    ps.setLong(2, m.seq());
                    ps.setString(3, m.sender().name());
                    ps.setObject(4, m.staffId());
                    ps.setString(5, m.clientMessageId());
                    ps.setString(6, m.channel());
                    ps.setString(7, m.text());
                    ps.setString(8, m.delivery());
                    ps.setObject(9, Timestamps.sql(m.at()));
                });
    }

    /** Every client id used on the conversation. */
    List<String> clientIds(String conversationId) {
        return jdbc.sql("SELECT client_msg_id FROM message WHERE conversation_id = ? AND client_msg_id IS NOT NULL")
                .param(conversationId).query(String.class).list();
    }

    Optional<Message> findByClientId(String conversationId, String clientMessageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = ? AND client_msg_id = ?")
                .params(conversationId, clientMessageId).query(MessageRepository::map).optional();
    }

    void insert(Message m) {
        jdbc.sql("INSERT INTO message (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.conversationId(), m.seq(), m.sender().name(), m.staffId(), m.clientMessageId(), m.channel(),
                        m.text(), m.delivery(), Timestamps.sql(m.at()))
                .update();
    }

    /** Sets delivery only while it is one of {@code replaceable} ({@code null} in it: not set yet). */
    boolean advanceDelivery(String conversationId, long seq, String delivery, Collection<String> replaceable) {
        boolean fromUnset = replaceable.stream().anyMatch(Objects::isNull);
        List<String> from = replaceable.stream().filter(Objects::nonNull).toList();
        String sql = "UPDATE message SET delivery = :delivery WHERE conversation_id = :conversation AND seq = :seq AND ("
                + (fromUnset ? "delivery IS NULL" : "1 = 0")
                + (from.isEmpty() ? "" : " OR delivery IN (:from)") + ")";
        var spec = jdbc.sql(sql).param("delivery", delivery).param("conversation", conversationId).param("seq", seq);
        if (!from.isEmpty()) {
            spec = spec.param("from", from);
        }
        return spec.update() == 1;
    }

    Optional<Message> find(String conversationId, long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = ? AND seq = ?")
                .params(conversationId, seq).query(MessageRepository::map).optional();
    }

    List<Message> after(String conversationId, long afterSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?")
                .params(conversationId, afterSeq, limit).query(MessageRepository::map).list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        long staffId = rs.getLong("staff_id");
        return new Message(rs.getString("conversation_id"), rs.getLong("seq"), Sender.valueOf(rs.getString("sender")),
                rs.wasNull() ? null : staffId, rs.getString("client_msg_id"), rs.getString("channel"),
                rs.getString("body"), rs.getString("delivery"), Timestamps.read(rs, "created_at"));
    }
}
