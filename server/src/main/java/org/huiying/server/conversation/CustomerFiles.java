package org.huiying.server.conversation;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who a conversation is with, as stored: the customer's record for screens that show it (masked there). */
@Component
public class CustomerFiles {

    /** A customer's record; {@code phone} and {@code name} unmasked — mask before they leave the server. */
    public record CustomerFile(long customerId, String name, String phone, String vin, String vehicleModel) {
    }

    private final JdbcClient jdbc;

    CustomerFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CustomerFile> forConversation(String conversationId) {
        return jdbc.sql("""
                SELECT c.id, c.name, c.phone, c.vin, c.vehicle_model
                FROM conversation v JOIN customer c ON c.id = v.customer_id WHERE v.id = ?""")
                .param(conversationId)
                .query((rs, n) -> new CustomerFile(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
                        rs.getString("vin"), rs.getString("vehicle_model")))
                .optional();
    }
}
