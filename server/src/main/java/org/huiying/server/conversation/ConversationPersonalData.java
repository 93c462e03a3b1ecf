package org.huiying.server.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.huiying.server.storage.InLists;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer, their conversations and messages: texts blanked, the conversation marked purged
 * (which retention reads) and its chat token dropped, the customer's name, phone and VIN removed;
 * the vehicle model stays for the statistics.
 */
@Component
class ConversationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ConversationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Last: every other module's rows point at messages, conversations or the customer; these are the roots. */
    @Override
    public int getOrder() {
        return 1000;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        int messages = jdbc.sql("UPDATE message SET body = ? WHERE conversation_id = ?").params(ERASED, conversationId).update();
        // the customer's chat token stops working
        jdbc.sql("UPDATE conversation SET purged_at = ?, token_hash = NULL WHERE id = ?")
                .params(Timestamps.sql(now), conversationId).update();
        return messages;
    }

    @Override
    public void eraseCustomer(long customerId, List<String> conversationIds, Instant now) {
        jdbc.sql("UPDATE customer SET name = NULL, phone = NULL, vin = NULL, anonymised_at = ? WHERE id = ?")
                .params(Timestamps.sql(now), customerId).update();
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversations", ExportRows.of(jdbc.sql(
                        "SELECT id, channel, created_at, purged_at FROM conversation WHERE customer_id = ? ORDER BY created_at")
                .param(customerId).query().listOfRows()));
        out.put("messages", conversationIds.isEmpty() ? List.of() : ExportRows.of(jdbc.sql(
                        "SELECT conversation_id, seq, sender, channel, body AS text, delivery, created_at FROM message"
                                + " WHERE conversation_id IN (:ids) ORDER BY conversation_id, seq")
                .param("ids", InLists.padded(conversationIds)).query().listOfRows()));
        return out;
    }
}
