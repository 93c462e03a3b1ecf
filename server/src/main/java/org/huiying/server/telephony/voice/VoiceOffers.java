package org.huiying.server.telephony.voice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offers of waiting callers to agents ({@code voice_offer}): at most one open offer per call and per agent. */
@Repository
class VoiceOffers {

    /** {@code fromStaffId}: the agent transferring the call to {@code staffId}; null for a waiting caller's offer. */
    record Offer(long id, String callSid, long staffId, Instant offeredAt, Instant expiresAt, String outcome, Long fromStaffId) {

        boolean transfer() {
            return fromStaffId != null;
        }
    }

    private static final String COLUMNS = "id, call_sid, staff_id, offered_at, expires_at, outcome, from_staff_id";

    private final JdbcClient jdbc;

    VoiceOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String callSid, long staffId, Instant at, Instant expiresAt) {
        jdbc.sql("INSERT INTO voice_offer (call_sid, staff_id, offered_at, expires_at, outcome) VALUES (?, ?, ?, ?, 'OFFERED')")
                .params(callSid, staffId, Timestamps.sql(at), Timestamps.sql(expiresAt)).update();
    }

    /** A warm transfer of an answered call from one agent to a colleague, ringing on the colleague's console. */
    void insertTransfer(String callSid, long staffId, long fromStaffId, Instant at, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO voice_offer (call_sid, staff_id, offered_at, expires_at, outcome, from_staff_id)
                VALUES (?, ?, ?, ?, 'OFFERED', ?)""")
                .params(callSid, staffId, Timestamps.sql(at), Timestamps.sql(expiresAt), fromStaffId).update();
    }

    /** The call's open offer, if it is ringing on someone's console. */
    Optional<Offer> open(String callSid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM voice_offer WHERE call_sid = ? AND outcome = 'OFFERED' ORDER BY id DESC")
                .param(callSid).query(VoiceOffers::map).list().stream().findFirst();
    }

    /** Whether a call is ringing on this agent's console already. */
    boolean openFor(long staffId) {
        return jdbc.sql("SELECT COUNT(*) FROM voice_offer WHERE staff_id = ? AND outcome = 'OFFERED'").param(staffId)
                .query(Long.class).single() > 0;
    }

    List<Offer> allOpen() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM voice_offer WHERE outcome = 'OFFERED'").query(VoiceOffers::map).list();
    }

    /** Moves an open offer to {@code outcome}; false when it was settled already (answered, missed, withdrawn). */
    boolean settle(long offerId, String outcome) {
        return jdbc.sql("UPDATE voice_offer SET outcome = ? WHERE id = ? AND outcome = 'OFFERED'").params(outcome, offerId).update() == 1;
    }

    /** Who missed this call already: offered again only when nobody else can take it. */
    List<Long> missedBy(String callSid) {
        return jdbc.sql("SELECT staff_id FROM voice_offer WHERE call_sid = ? AND outcome = 'MISSED'").param(callSid)
                .query(Long.class).list();
    }

    /** Whether the agent's last {@code n} offers were all missed. */
    boolean lastMissed(long staffId, int n) {
        List<String> last = jdbc.sql("SELECT outcome FROM voice_offer WHERE staff_id = ? AND outcome <> 'OFFERED' ORDER BY id DESC LIMIT " + n)
                .param(staffId).query(String.class).list();
        return last.size() == n && last.stream().allMatch("MISSED"::equals);
    }

    private static Offer map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long from = rs.getLong("from_staff_id");
        Long fromStaffId = rs.wasNull() ? null : from;
        return new Offer(rs.getLong("id"), rs.getString("call_sid"), rs.getLong("staff_id"), Timestamps.read(rs, "offered_at"),
                Timestamps.read(rs, "expires_at"), rs.getString("outcome"), fromStaffId);
    }
}
