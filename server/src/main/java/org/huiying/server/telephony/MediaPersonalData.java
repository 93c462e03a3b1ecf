package org.huiying.server.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links to the photos and recordings customers sent by MMS or left on a call, kept beside their messages. */
@Component
class MediaPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MediaPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * After tickets and what points at them, before the conversation module: media rows point at
     * messages; in the export (reverse order) the media follow the messages they belong to.
     */
    @Override
    public int getOrder() {
        return 600;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        jdbc.sql("DELETE FROM message_media WHERE conversation_id = ?").param(conversationId).update();
        return 0;
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of("media", conversationIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT conversation_id, seq, position, url, content_type FROM message_media"
                                + " WHERE conversation_id IN (:ids) ORDER BY conversation_id, seq, position")
                .param("ids", InLists.padded(conversationIds)).query().listOfRows()));
    }
}
