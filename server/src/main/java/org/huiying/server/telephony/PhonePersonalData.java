package org.huiying.server.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The phone channels' copies of the customer's number and texts: the SMS outbox (its texts and the
 * number they go to), the SMS and voice threads (which map a number to the conversation) and the
 * calls' numbers.
 */
@Component
class PhonePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PhonePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** First: outbox rows point at messages, calls at tickets and conversations; nothing points at these. */
    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        // texts not yet sent are not sent any more
        jdbc.sql("UPDATE sms_outbox SET body = ?, state = CASE WHEN state IN ('PENDING', 'DRY_RUN') THEN 'FAILED' ELSE state END,"
                        + " last_error = CASE WHEN state IN ('PENDING', 'DRY_RUN') THEN 'erased' ELSE last_error END WHERE conversation_id = ?")
                .params(ERASED, conversationId).update();
        return 0;
    }

    @Override
    public void eraseCustomer(long customerId, List<String> conversationIds, Instant now) {
        if (conversationIds.isEmpty()) {
            return;
        }
        List<String> ids = InLists.padded(conversationIds);
        // the threads are keyed by the number: dropping them removes it, and a later text or call from it starts afresh
        jdbc.sql("DELETE FROM sms_thread WHERE conversation_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM voice_thread WHERE conversation_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("UPDATE voice_call SET phone = :erased WHERE conversation_id IN (:ids)").param("erased", ERASED).param("ids", ids)
                .update();
        jdbc.sql("UPDATE sms_outbox SET to_phone = :erased WHERE conversation_id IN (:ids)").param("erased", ERASED).param("ids", ids)
                .update();
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of("calls", conversationIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT call_sid, direction, phone, status, ticket_id, created_at FROM voice_call"
                                + " WHERE conversation_id IN (:ids) ORDER BY created_at")
                .param("ids", InLists.padded(conversationIds)).query().listOfRows()));
    }
}
