package org.huiying.server.cannedreply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shared phrases: listed for everyone answering, written by admins. */
@Service
class CannedReplies {

    /** A list agents pick from by eye; beyond this it is a knowledge base, not a phrase book. */
    static final int MAX_REPLIES = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    CannedReplies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In the order they were written, so each category keeps the order its admin gave it. */
    List<CannedReply> list() {
        return jdbc.sql("SELECT id, category, text, updated_at FROM canned_reply ORDER BY id").query(CannedReplies::row).list();
    }

    @Transactional
    CannedReply create(CannedReplyBody body, long adminId) {
        String category = body.validCategory();
        String text = body.validText();
        if (jdbc.sql("SELECT COUNT(*) FROM canned_reply").query(Long.class).single() >= MAX_REPLIES) {
            throw ApiException.conflict("too_many_canned_replies", "At most " + MAX_REPLIES + " canned replies; delete some first.");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO canned_reply (category, text, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                .params(category, text, Timestamps.sql(Timestamps.now(clock)), adminId)
                .update(keys, "id");
        return find(keys.getKey().longValue());
    }

    @Transactional
    CannedReply update(long id, CannedReplyBody body, long adminId) {
        String category = body.validCategory();
        String text = body.validText();
        int changed = jdbc.sql("UPDATE canned_reply SET category = ?, text = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(category, text, Timestamps.sql(Timestamps.now(clock)), adminId, id)
                .update();
        if (changed == 0) {
            throw ApiException.notFound("canned reply");
        }
        return find(id);
    }

    @Transactional
    void delete(long id) {
        if (jdbc.sql("DELETE FROM canned_reply WHERE id = ?").param(id).update() == 0) {
            throw ApiException.notFound("canned reply");
        }
    }

    private CannedReply find(long id) {
        return jdbc.sql("SELECT id, category, text, updated_at FROM canned_reply WHERE id = ?").param(id)
                .query(CannedReplies::row).optional().orElseThrow(() -> ApiException.notFound("canned reply"));
    }

    private static CannedReply row(ResultSet rs, int n) throws SQLException {
        String text = rs.getString("text");
        Instant updated = Timestamps.read(rs, "updated_at");
        return new CannedReply(rs.getLong("id"), rs.getString("category"), text, List.copyOf(Placeholder.usedIn(text)), updated);
    }
}
