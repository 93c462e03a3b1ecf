package org.huiying.server.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts in SQL. Roles and skills are stored comma-separated; neither may contain a comma. */
@Repository
public class StaffRepository {

    private static final String COLUMNS = "id, username, password_hash, display_name, roles, skills, max_concurrent, presence, last_assigned_at, token_version, disabled";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String passwordHash, String displayName, Set<Role> roles, Set<String> skills,
                int maxConcurrent, Instant now) {
        jdbc.sql("""
                INSERT INTO staff (username, password_hash, display_name, roles, skills, max_concurrent, presence, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OFFLINE', ?)""")
                .params(username, passwordHash, displayName, join(roles.stream().map(Enum::name).toList()),
                        join(skills), maxConcurrent, Timestamps.sql(now))
                .update();
        return findByUsername(username).orElseThrow().id();
    }

    /**
     * Locks the rows of these staff members until the caller's transaction commits, in id order so
     * that dispatchers claiming for overlapping agents on several nodes never deadlock, and tells each
     * online one's capacity (maximum concurrent tickets).
     */
    public Map<Long, Integer> lockOnlineCapacities(Collection<Long> staffIds) {
        List<Object> ids = new ArrayList<>(staffIds.stream().distinct().sorted().toList());
        Map<Long, Integer> capacities = new HashMap<>();
        if (ids.isEmpty()) {
            return capacities;
        }
        jdbc.sql("SELECT id, max_concurrent FROM staff WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                        + ") AND presence = 'ONLINE' ORDER BY id FOR UPDATE")
                .params(ids).query(rs -> {
                    capacities.put(rs.getLong("id"), rs.getInt("max_concurrent"));
                });
        return capacities;
    }

    /** Whether a token of this version still speaks for this account: same password, not disabled. */
    void bumpTokenVersion(long id) {
        jdbc.sql("UPDATE staff SET token_version = token_version + 1 WHERE id = ?").param(id).update();
    }

    public boolean tokenVersionIsCurrent(long staffId, int version) {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = ? AND token_version = ? AND disabled = FALSE")
                .params(staffId, version).query(Long.class).single() > 0;
    }

    public Optional<Staff> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE id = ?").param(id).query(StaffRepository::map).optional();
    }

    public Optional<Staff> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE username = ?").param(username).query(StaffRepository::map).optional();
    }

    public List<Staff> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff ORDER BY id").query(StaffRepository::map).list();
    }

    public List<Staff> findOnline() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE presence = 'ONLINE' AND disabled = FALSE ORDER BY id").query(StaffRepository::map).list();
    }

    void updatePresence(long id, Presence presence) {
        jdbc.sql("UPDATE staff SET presence = ? WHERE id = ?").params(presence.name(), id).update();
    }

    /** A new password; every token issued before stops working (their version is now stale). */
    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE staff SET password_hash = ?, token_version = token_version + 1 WHERE id = ?").params(passwordHash, id).update();
    }

    /** Disabling also ends every token; enabling leaves them ended (a fresh login is needed). */
    void updateDisabled(long id, boolean disabled) {
        jdbc.sql("UPDATE staff SET disabled = ?, token_version = token_version + 1, presence = CASE WHEN ? THEN 'OFFLINE' ELSE presence END WHERE id = ?")
                .params(disabled, disabled, id).update();
    }

    public void recordAssignment(long id, Instant at) {
        jdbc.sql("UPDATE staff SET last_assigned_at = ? WHERE id = ?").params(Timestamps.sql(at), id).update();
    }

    private static Staff map(ResultSet rs, int row) throws SQLException {
        return new Staff(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"),
                split(rs.getString("roles")).stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
                split(rs.getString("skills")), rs.getInt("max_concurrent"), Presence.valueOf(rs.getString("presence")),
                Timestamps.read(rs, "last_assigned_at"), rs.getInt("token_version"), rs.getBoolean("disabled"));
    }

    private static String join(java.util.Collection<String> values) {
        return String.join(",", values);
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
