package org.huiying.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens: 256 random bits handed out once; only their SHA-256 is stored. Each is good for
 * one refresh. Presenting one that was used already means it was copied: every refresh token of
 * that staff member is revoked, so the thief and the owner both have to log in again.
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final TokenVersions versions;
    private final Clock wallClock = Clock.systemUTC();

    RefreshTokens(JdbcClient jdbc, TokenVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** Whose a redeemed token was, and the token version it was issued under. */
    public record Holder(long staffId, int tokenVersion) {
    }

    String create(long staffId, int tokenVersion, Instant expiresAt, Instant now) {
        String raw = "rt_" + RandomIds.token(32);
        jdbc.sql("""
                INSERT INTO refresh_token (id, token_hash, staff_id, token_version, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(RandomIds.id("rt"), hash(raw), staffId, tokenVersion, Timestamps.sql(expiresAt), Timestamps.sql(now))
                .update();
        return raw;
    }

    /** Uses the token up: its holder when it was unused and unexpired, otherwise empty. */
    public Optional<Holder> redeem(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(raw);
        Instant now = wallClock.instant();
        var row = jdbc.sql("SELECT staff_id, token_version, used_at FROM refresh_token WHERE token_hash = ?").param(hash)
                .query((rs, n) -> new Object[] {new Holder(rs.getLong("staff_id"), rs.getInt("token_version")),
                        rs.getObject("used_at") != null})
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Holder holder = (Holder) row.get()[0];
        boolean claimed = jdbc.sql("UPDATE refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamps.sql(now), hash, Timestamps.sql(now)).update() == 1;
        if (!claimed) {
            if ((Boolean) row.get()[1]) {
                // a used token presented again: one of two holders stole it, so neither keeps anything
                revokeAll(holder.staffId());
                versions.revokeAll(holder.staffId());
            }
            return Optional.empty();
        }
        return Optional.of(holder);
    }

    /** Ends one refresh token (logging out); unknown tokens are ignored. */
    public void revoke(String raw) {
        if (raw != null && !raw.isEmpty() && raw.length() <= 200) {
            jdbc.sql("DELETE FROM refresh_token WHERE token_hash = ?").param(hash(raw)).update();
        }
    }

    /** Ends every refresh token of this staff member (password change, reset, disabling, reuse). */
    public void revokeAll(long staffId) {
        jdbc.sql("DELETE FROM refresh_token WHERE staff_id = ?").param(staffId).update();
    }

    private static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
