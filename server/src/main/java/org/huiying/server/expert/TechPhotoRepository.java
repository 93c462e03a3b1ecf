package org.huiying.server.expert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tech_photo} table: who uploaded which photo, and the question and message it belongs to. */
@Repository
class TechPhotoRepository {

    private final JdbcClient jdbc;

    TechPhotoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored photo with its owner and, once attached, its question. */
    record Row(String id, long technicianId, PhotoFormat format, int width, int height, int bytes, Instant uploadedAt,
               String ticketId, Long messageSeq) {

        TechPhoto view() {
            return new TechPhoto(id, TechPhoto.urlOf(id), format.contentType(), width, height, bytes, messageSeq);
        }
    }

    void insert(String id, long technicianId, PhotoCleaner.Cleaned photo, Instant now) {
        jdbc.sql("""
                INSERT INTO tech_photo (id, technician_id, content_type, width, height, size_bytes, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, technicianId, photo.format().contentType(), photo.width(), photo.height(), photo.data().length,
                        Timestamps.sql(now))
                .update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM tech_photo WHERE id = ?").param(id).query(TechPhotoRepository::row).optional();
    }

    /** This technician's photos not yet sent with a question, locked until commit so two questions cannot both take one. */
    List<Row> lockUnattached(long technicianId, Collection<String> ids) {
        return jdbc.sql("SELECT * FROM tech_photo WHERE id IN (:ids) AND technician_id = :tech AND ticket_id IS NULL FOR UPDATE")
                .param("ids", InLists.padded(ids)).param("tech", technicianId).query(TechPhotoRepository::row).list();
    }

    int countAttached(String ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM tech_photo WHERE ticket_id = ?").param(ticketId).query(Integer.class).single();
    }

    /** In the order given: the order the technician put them in. */
    void attach(List<String> ids, String ticketId, long messageSeq, Instant now) {
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("UPDATE tech_photo SET ticket_id = ?, message_seq = ?, position = ?, attached_at = ? WHERE id = ?")
                    .params(ticketId, messageSeq, i, Timestamps.sql(now), ids.get(i))
                    .update();
        }
    }

    /** The photos of many questions in one read, each question's in the order they were sent. */
    Map<String, List<Row>> attachedTo(Collection<String> ticketIds) {
        Map<String, List<Row>> byTicket = new LinkedHashMap<>();
        InLists.inChunks(ticketIds, chunk -> jdbc.sql(
                        "SELECT * FROM tech_photo WHERE ticket_id IN (:ids) ORDER BY message_seq, position")
                .param("ids", chunk).query(TechPhotoRepository::row).list())
                .forEach(r -> byTicket.computeIfAbsent(r.ticketId(), k -> new java.util.ArrayList<>()).add(r));
        return byTicket;
    }

    int countUnattachedSince(long technicianId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM tech_photo WHERE technician_id = ? AND ticket_id IS NULL AND uploaded_at >= ?")
                .params(technicianId, Timestamps.sql(since)).query(Integer.class).single();
    }

    /** Removes this technician's photos never sent with a question before {@code before}; returns them, for their files. */
    List<Row> deleteUnattachedBefore(long technicianId, Instant before) {
        List<Row> stale = jdbc.sql("SELECT * FROM tech_photo WHERE technician_id = ? AND ticket_id IS NULL AND uploaded_at < ? FOR UPDATE")
                .params(technicianId, Timestamps.sql(before)).query(TechPhotoRepository::row).list();
        if (!stale.isEmpty()) {
            jdbc.sql("DELETE FROM tech_photo WHERE id IN (:ids) AND ticket_id IS NULL")
                    .param("ids", InLists.padded(stale.stream().map(Row::id).toList())).update();
        }
        return stale;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("message_seq");
        Long messageSeq = rs.wasNull() ? null : seq;
        return new Row(rs.getString("id"), rs.getLong("technician_id"),
                PhotoFormat.ofContentType(rs.getString("content_type")).orElseThrow(), rs.getInt("width"), rs.getInt("height"),
                rs.getInt("size_bytes"), Timestamps.read(rs, "uploaded_at"), rs.getString("ticket_id"), messageSeq);
    }
}
