package org.huiying.server.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor merges a duplicate record into the customer it duplicates: its conversations (with their
 * tickets, calls and texts) and vehicles move over, and the duplicate points at the survivor. Everything
 * moved is written down, so the merge can be undone for {@link #UNDO_WITHIN}; both are audited.
 */
@Service
class CustomerMerges {

    static final Duration UNDO_WITHIN = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final CustomerFiles customers;
    private final Vehicles vehicles;
    private final AuditLog audit;
    private final Clock clock;

    CustomerMerges(JdbcClient jdbc, CustomerFiles customers, Vehicles vehicles, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.vehicles = vehicles;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CustomerMerge merge(long intoId, long fromId, long byStaffId) {
        if (intoId == fromId) {
            throw ApiException.badRequest("same_customer", "A customer cannot be merged into itself.");
        }
        var into = customers.find(intoId).orElseThrow(() -> ApiException.notFound("customer"));
        var from = customers.find(fromId).orElseThrow(() -> ApiException.notFound("customer"));
        if (into.mergedInto() != null || from.mergedInto() != null) {
            throw ApiException.conflict("customer_merged", "One of the two records was already merged into another.");
        }
        Instant now = Timestamps.now(clock);
        Set<String> kept = vehicles.of(intoId).stream().map(Vehicle::vin).collect(Collectors.toSet());
        // the same car on both records stays on the survivor's: one vehicle, one history
        List<Long> moved = vehicles.of(fromId).stream().filter(v -> !kept.contains(v.vin())).map(Vehicle::id).toList();
        vehicles.move(moved, intoId);
        List<String> conversations = customers.merge(fromId, intoId);
        CustomerMerge merge = new CustomerMerge(RandomIds.id("mg"), intoId, fromId, byStaffId, now, conversations, moved,
                now.plus(UNDO_WITHIN), null);
        jdbc.sql("""
                INSERT INTO customer_merge (id, into_id, from_id, merged_by, merged_at, conversation_ids, vehicle_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(merge.id(), intoId, fromId, byStaffId, Timestamps.sql(now), String.join(",", conversations),
                        moved.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .update();
        audit.record(byStaffId, AuditAction.MERGE, intoId, merge.id(), "from:" + fromId, null);
        return merge;
    }

    @Transactional
    public CustomerMerge undo(long intoId, String mergeId, long byStaffId) {
        CustomerMerge merge = jdbc.sql("SELECT * FROM customer_merge WHERE id = ? AND into_id = ? FOR UPDATE")
                .params(mergeId, intoId).query(this::map).optional()
                .orElseThrow(() -> ApiException.notFound("merge"));
        Instant now = Timestamps.now(clock);
        if (merge.undoneAt() != null) {
            throw ApiException.conflict("already_undone", "This merge was undone already.");
        }
        if (now.isAfter(merge.undoUntil())) {
            throw ApiException.conflict("undo_expired", "A merge can be undone for 30 days; this one is older.");
        }
        customers.unmerge(merge.fromId(), intoId, merge.conversationIds());
        vehicles.move(merge.vehicleIds(), merge.fromId());
        jdbc.sql("UPDATE customer_merge SET undone_at = ?, undone_by = ? WHERE id = ?")
                .params(Timestamps.sql(now), byStaffId, mergeId).update();
        audit.record(byStaffId, AuditAction.UNMERGE, intoId, mergeId, "from:" + merge.fromId(), null);
        return new CustomerMerge(merge.id(), intoId, merge.fromId(), merge.mergedBy(), merge.mergedAt(), merge.conversationIds(),
                merge.vehicleIds(), merge.undoUntil(), now);
    }

    /** Merges into this customer, newest first. */
    public List<CustomerMerge> into(long intoId) {
        return jdbc.sql("SELECT * FROM customer_merge WHERE into_id = ? ORDER BY merged_at DESC, id LIMIT 100")
                .param(intoId).query(this::map).list();
    }

    private CustomerMerge map(ResultSet rs, int row) throws SQLException {
        Instant mergedAt = Timestamps.read(rs, "merged_at");
        String conversations = rs.getString("conversation_ids");
        String vehicleIds = rs.getString("vehicle_ids");
        return new CustomerMerge(rs.getString("id"), rs.getLong("into_id"), rs.getLong("from_id"), rs.getLong("merged_by"),
                mergedAt, conversations.isEmpty() ? List.of() : List.of(conversations.split(",")),
                vehicleIds.isEmpty() ? List.of() : Arrays.stream(vehicleIds.split(",")).map(Long::valueOf).toList(),
                mergedAt.plus(UNDO_WITHIN), Timestamps.read(rs, "undone_at"));
    }
}
