package org.huiying.server.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customers' survey comments; the scores stay, so the satisfaction reports do not change. */
@Component
class SurveyPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    SurveyPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before tickets (a survey points at its ticket); in the export, after the tickets and before the callbacks. */
    @Override
    public int getOrder() {
        return 300;
    }

    /** The comment may have come on another channel than the one surveyed (an SMS answer to a chat survey). */
    @Override
    public int eraseConversation(String conversationId, Instant now) {
        jdbc.sql("UPDATE survey SET comment = NULL WHERE conversation_id = ? OR answer_conversation_id = ?")
                .params(conversationId, conversationId).update();
        return 0;
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of("surveys", conversationIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT id, ticket_id, conversation_id, status, score, comment, sent_at, answered_at FROM survey"
                                + " WHERE conversation_id IN (:ids) ORDER BY created_at")
                .param("ids", InLists.padded(conversationIds)).query().listOfRows()));
    }
}
