package org.huiying.server.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.telephony.sms.SmsSender;
import org.huiying.server.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A chat customer proves a phone number is theirs with a 6-digit code texted to it (through the SMS
 * outbox), and the chat then joins the customer that number belongs to. Codes live 10 minutes, are
 * stored hashed, and die after five wrong tries (the session is then locked for 30 minutes); a session
 * gets three codes an hour, a number five, and a new code no sooner than a minute after the last.
 */
@Service
class PhoneVerification {

    static final Duration CODE_LIFE = Duration.ofMinutes(10);
    static final int MAX_TRIES = 5;
    static final Duration LOCK = Duration.ofMinutes(30);
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofHours(1);
    static final int SENDS_PER_SESSION = 3;
    static final int SENDS_PER_NUMBER = 5;

    /** A refused request that may be retried later. */
    static final class TooSoon extends RuntimeException {
        final Duration retryAfter;
        final String code;

        TooSoon(String code, String message, Duration retryAfter) {
            super(message);
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }

    private record Pending(String phone, String codeHash, Instant expiresAt, int attempts, int sends, Instant windowStart,
                           Instant lockedUntil, Instant verifiedAt, Instant lastSentAt) {
    }

    private final JdbcClient jdbc;
    private final SmsSender sms;
    private final CustomerFiles customers;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneVerification(JdbcClient jdbc, SmsSender sms, CustomerFiles customers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Texts a new code to {@code rawPhone}; returns the number as masked for the widget to show. */
    @Transactional
    public String send(String conversationId, String rawPhone) {
        String phone = PhoneNumbers.e164(rawPhone == null ? "" : rawPhone)
                .orElseThrow(() -> ApiException.badRequest("invalid_phone", "phone: a mobile number, e.g. 13812345678"));
        Instant now = Timestamps.now(clock);
        Optional<Pending> pending = lock(conversationId);
        int sends = 1;
        Instant windowStart = now;
        if (pending.isPresent()) {
            Pending p = pending.get();
            refuseIfLocked(p, now);
            if (p.lastSentAt.plus(RESEND_AFTER).isAfter(now)) {
                throw new TooSoon("too_soon", "A code was just sent; wait a minute before asking for another.",
                        Duration.between(now, p.lastSentAt.plus(RESEND_AFTER)));
            }
            if (p.windowStart.plus(WINDOW).isAfter(now)) {
                if (p.sends >= SENDS_PER_SESSION) {
                    throw new TooSoon("too_many_codes", "Too many codes for this chat; try again later.",
                            Duration.between(now, p.windowStart.plus(WINDOW)));
                }
                sends = p.sends + 1;
                windowStart = p.windowStart;
            }
        }
        long recentToNumber = jdbc.sql("SELECT COALESCE(SUM(sends), 0) FROM phone_code WHERE phone = ? AND window_start > ? AND conversation_id <> ?")
                .params(phone, Timestamps.sql(now.minus(WINDOW)), conversationId).query(Long.class).single();
        if (recentToNumber + sends > SENDS_PER_NUMBER) {
            throw new TooSoon("too_many_codes", "Too many codes for this number; try again later.", WINDOW);
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(CODE_LIFE);
        if (pending.isPresent()) {
            jdbc.sql("""
                    UPDATE phone_code SET phone = ?, code_hash = ?, expires_at = ?, attempts = 0, sends = ?, window_start = ?,
                    locked_until = NULL, verified_at = NULL, last_sent_at = ? WHERE conversation_id = ?""")
                    .params(phone, hash(conversationId, code), Timestamps.sql(expires), sends, Timestamps.sql(windowStart),
                            Timestamps.sql(now), conversationId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO phone_code (conversation_id, phone, code_hash, expires_at, attempts, sends, window_start, last_sent_at)
                    VALUES (?, ?, ?, ?, 0, 1, ?, ?)""")
                    .params(conversationId, phone, hash(conversationId, code), Timestamps.sql(expires), Timestamps.sql(now),
                            Timestamps.sql(now)).update();
        }
        // joins this transaction: no code row without its text in the outbox, and no text without the row
        sms.sendTo(phone, "【回应售后】您的验证码是 " + code + "，10 分钟内有效。如非本人操作，请忽略本短信。");
        return PhoneNumbers.mask(phone);
    }

    /** Checks the code; on success the chat joins the number's customer, whose id is returned. */
    @Transactional(noRollbackFor = {ApiException.class, TooSoon.class})
    public long verify(String conversationId, String code) {
        Instant now = Timestamps.now(clock);
        Pending p = lock(conversationId).orElseThrow(() -> ApiException.badRequest("invalid_code", "No code was sent to this chat."));
        refuseIfLocked(p, now);
        if (p.verifiedAt != null || !p.expiresAt.isAfter(now)) {
            throw ApiException.badRequest("invalid_code", "The code has expired; ask for a new one.");
        }
        String given = code == null ? "" : code.strip();
        if (!given.matches("[0-9]{6}") || !MessageDigest.isEqual(hash(conversationId, given).getBytes(StandardCharsets.US_ASCII),
                p.codeHash.getBytes(StandardCharsets.US_ASCII))) {
            int attempts = p.attempts + 1;
            Instant locked = attempts >= MAX_TRIES ? now.plus(LOCK) : null;
            jdbc.sql("UPDATE phone_code SET attempts = ?, locked_until = ? WHERE conversation_id = ?")
                    .params(attempts, Timestamps.sql(locked), conversationId).update();
            if (locked != null) {
                throw new TooSoon("locked", "Too many wrong codes; this chat may try again in 30 minutes.", LOCK);
            }
            throw ApiException.badRequest("invalid_code", "Wrong code; " + (MAX_TRIES - attempts) + " tries left.");
        }
        jdbc.sql("UPDATE phone_code SET verified_at = ? WHERE conversation_id = ?").params(Timestamps.sql(now), conversationId).update();
        long customerId = customers.joinVerifiedPhone(conversationId, p.phone, PhoneNumbers.spellings(p.phone));
        audit.record(null, AuditAction.PHONE_VERIFIED, customerId, conversationId, null, null);
        return customerId;
    }

    private void refuseIfLocked(Pending p, Instant now) {
        if (p.lockedUntil != null && p.lockedUntil.isAfter(now)) {
            throw new TooSoon("locked", "Too many wrong codes; try again later.", Duration.between(now, p.lockedUntil));
        }
    }

    private Optional<Pending> lock(String conversationId) {
        return jdbc.sql("""
                SELECT phone, code_hash, expires_at, attempts, sends, window_start, locked_until, verified_at, last_sent_at
                FROM phone_code WHERE conversation_id = ? FOR UPDATE""")
                .param(conversationId)
                .query((rs, n) -> new Pending(rs.getString("phone"), rs.getString("code_hash"), Timestamps.read(rs, "expires_at"),
                        rs.getInt("attempts"), rs.getInt("sends"), Timestamps.read(rs, "window_start"),
                        Timestamps.read(rs, "locked_until"), Timestamps.read(rs, "verified_at"), Timestamps.read(rs, "last_sent_at")))
                .optional();
    }

    private static String hash(String conversationId, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((conversationId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
