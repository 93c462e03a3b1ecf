package org.huiying.server.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.privacy.ExportRows;
import org.huiying.server.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's vehicles (the VIN identifies them) go with their personal data; a chat's pending phone
 * code goes with the chat. Merges are kept: they hold only record and conversation ids.
 */
@Component
class CustomerFilePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CustomerFilePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Before the conversation module, which erases the customer record itself. */
    @Override
    public int getOrder() {
        return 900;
    }

    @Override
    public int eraseConversation(String conversationId, Instant now) {
        jdbc.sql("DELETE FROM phone_code WHERE conversation_id = ?").param(conversationId).update();
        return 0;
    }

    @Override
    public void eraseCustomer(long customerId, List<String> conversationIds, Instant now) {
        jdbc.sql("DELETE FROM vehicle WHERE customer_id = ?").param(customerId).update();
    }

    @Override
    public Map<String, Object> export(long customerId, List<String> conversationIds) {
        return Map.of("vehicles", ExportRows.of(jdbc.sql("""
                        SELECT vin, model, purchase_date, warranty_end, battery_warranty_end, dealer, region, created_at
                        FROM vehicle WHERE customer_id = ? ORDER BY id""")
                .param(customerId).query().listOfRows()));
    }
}
