package org.huiying.server.report;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic history for {@link ReportsBenchmark}, written by PostgreSQL itself ({@code generate_series}):
 * {@code n} tickets opened evenly over the 400 days before {@code end}. Each row's "random" choices are
 * fixed multiplicative hashes of its number, so every run generates the same data.
 *
 * <ul>
 * <li>types: 40 % inquiries, 20 % complaints, 20 % appointments, 10 % technicians' questions, 10 % roadside;
 * <li>first response within 0–125 % of the target (80 % in time), resolution within 0–111 % (90 % in time);
 *     one ticket in ten waits on the customer for 1–5 h after the first response;
 * <li>the last day's tickets: 30 % still open, never answered;
 * <li>60 % about a registered vehicle (200,000 vehicles, 10 models, 7 regions, 50 dealers), the rest a model
 *     or none; 3 % follow-ups, 4 % repeat visits; 300,000 conversations (so customers come back);
 * <li>surveys for 70 % of resolved customer tickets (40 % of them answered), callbacks for 60 % (70 % done);
 *     technicians' questions name one or two of 30 fault codes.
 * </ul>
 */
final class BenchData {

    private static final int CONVERSATIONS = 300_000;
    private static final int VEHICLES = 200_000;

    private final JdbcTemplate jdbc;
    private final int n;
    private final Instant end;

    BenchData(JdbcTemplate jdbc, int n, Instant end) {
        this.jdbc = jdbc;
        this.n = n;
        this.end = end;
    }

    void generate() {
        Instant start = end.minus(Duration.ofDays(400));
        long stepMillis = Duration.ofDays(400).toMillis() / n;
        Timestamp now = Timestamp.from(end);
        Long technician = jdbc.queryForObject("""
                INSERT INTO staff (username, password_hash, display_name, roles, skills, max_concurrent, presence, created_at)
                VALUES ('bench.tech', 'x', '技师', 'TECHNICIAN', '', 1, 'OFFLINE', now()) RETURNING id""", Long.class);
        jdbc.update("INSERT INTO customer (name, created_at) VALUES ('bench', now())");
        jdbc.update("""
                INSERT INTO conversation (id, customer_id, channel, created_at)
                SELECT 'cv' || c, (SELECT MIN(id) FROM customer), 'chat', now() FROM generate_series(0, ?) c""", CONVERSATIONS - 1);
        jdbc.update("""
                INSERT INTO vehicle (customer_id, vin, model, region, dealer, created_at)
                SELECT (SELECT MIN(id) FROM customer), 'VIN' || v,
                  (ARRAY['汉EV','秦PLUS','海豹','元PLUS','宋PLUS','唐DM','海豚','驱逐舰05','护卫舰07','腾势D9'])[1 + v % 10],
                  (ARRAY['华东','华南','华北','华中','西南','西北','东北'])[1 + (v * 7) % 7],
                  '经销商' || ((v * 13) % 50), now()
                FROM generate_series(1, ?) v""", VEHICLES);
        jdbc.update("""
                INSERT INTO ticket (id, conversation_id, type, category, skills, priority, status, queue, vehicle_model, vehicle_id,
                  opened_at, first_response_warn_at, first_response_due, first_responded_at, resolution_warn_at, resolution_due,
                  resolved_at, sla_paused_at, parent_id, rework_of, updated_at)
                WITH g AS (
                  SELECT i, (ARRAY['INQUIRY','INQUIRY','INQUIRY','INQUIRY','COMPLAINT','COMPLAINT','APPOINTMENT','APPOINTMENT',
                                   'TECH_SUPPORT','ROADSIDE'])[1 + (i * 7) % 10] AS type,
                    ?::timestamptz + i * ? * interval '1 millisecond' AS opened,
                    (i * 7919) % 1000 AS r1, (i * 104729) % 1000 AS r2, (i * 1299709) % 1000 AS r3
                  FROM generate_series(0::bigint, ?::bigint) i
                ), t AS (
                  SELECT g.*,
                    CASE type WHEN 'INQUIRY' THEN interval '1 hour' WHEN 'COMPLAINT' THEN interval '2 hours'
                      WHEN 'APPOINTMENT' THEN interval '30 minutes' ELSE interval '5 minutes' END AS fr,
                    CASE type WHEN 'INQUIRY' THEN interval '24 hours' WHEN 'COMPLAINT' THEN interval '48 hours'
                      WHEN 'APPOINTMENT' THEN interval '24 hours' WHEN 'TECH_SUPPORT' THEN interval '8 hours' ELSE interval '2 hours' END AS res,
                    CASE WHEN r2 < 100 THEN interval '1 hour' * (1 + r2 % 5) ELSE interval '0' END AS paused,
                    opened > ?::timestamptz - interval '1 day' AND r3 < 300 AS still_open,
                    CASE WHEN (i * 31) % 10 < 6 THEN 1 + (i * 17) % ? END AS vehicle
                  FROM g
                )
                SELECT 'tk' || i, 'cv' || (i % ?), type,
                  CASE WHEN type = 'TECH_SUPPORT' OR r1 % 3 = 0 THEN 'TECHNICAL' WHEN r1 % 3 = 1 THEN 'PROCESS' WHEN r2 % 4 = 0 THEN 'ATTITUDE' END,
                  'battery', 2, CASE WHEN still_open THEN 'OPEN' ELSE 'RESOLVED' END, 'inquiry',
                  CASE WHEN vehicle IS NOT NULL THEN (ARRAY['汉EV','秦PLUS','海豹','元PLUS','宋PLUS','唐DM','海豚','驱逐舰05','护卫舰07','腾势D9'])[1 + vehicle % 10]
                       WHEN i % 3 = 0 THEN '汉EV' END,
                  vehicle, opened, opened + fr * 0.75, opened + fr,
                  CASE WHEN NOT still_open THEN opened + fr * (r1 / 800.0) END,
                  opened + res * 0.75 + paused, opened + res + paused,
                  CASE WHEN NOT still_open THEN opened + fr * (r1 / 800.0) + paused + (res - fr) * (r3 / 900.0) END,
                  NULL,
                  CASE WHEN r2 % 100 < 3 AND i > 10 THEN 'tk' || (i - 10) END,
                  CASE WHEN vehicle IS NOT NULL AND r3 % 100 < 4 AND i > 1000 THEN 'tk' || (i - 1000) END,
                  opened
                FROM t""", Timestamp.from(start), stepMillis, n - 1, now, VEHICLES, CONVERSATIONS);
        jdbc.update("""
                INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at)
                SELECT id, 'STARTED', NULL, NULL, opened_at FROM ticket""");
        jdbc.update("""
                INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at)
                SELECT id, 'MET', 'FIRST_RESPONSE', first_response_due, first_responded_at FROM ticket WHERE first_responded_at IS NOT NULL""");
        jdbc.update("""
                INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at)
                SELECT id, 'BREACH', 'FIRST_RESPONSE', first_response_due, first_response_due FROM ticket
                WHERE first_responded_at IS NULL AND first_response_due < ? OR first_responded_at > first_response_due""", now);
        jdbc.update("""
                INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at)
                SELECT id, k.kind, NULL, NULL,
                  first_responded_at + interval '1 minute' + CASE WHEN k.kind = 'RESUMED'
                    THEN (resolution_due - opened_at) - CASE type WHEN 'INQUIRY' THEN interval '24 hours' WHEN 'COMPLAINT' THEN interval '48 hours'
                      WHEN 'APPOINTMENT' THEN interval '24 hours' WHEN 'TECH_SUPPORT' THEN interval '8 hours' ELSE interval '2 hours' END
                    ELSE interval '0' END
                FROM ticket CROSS JOIN (VALUES ('PAUSED'), ('RESUMED')) AS k (kind)
                WHERE resolved_at IS NOT NULL AND resolution_due - opened_at > CASE type WHEN 'INQUIRY' THEN interval '24 hours'
                  WHEN 'COMPLAINT' THEN interval '48 hours' WHEN 'APPOINTMENT' THEN interval '24 hours'
                  WHEN 'TECH_SUPPORT' THEN interval '8 hours' ELSE interval '2 hours' END
                ORDER BY id, k.kind""");
        jdbc.update("""
                INSERT INTO sla_event (ticket_id, kind, metric, due_at, recorded_at)
                SELECT id, 'RESOLVED', NULL, NULL, resolved_at FROM ticket WHERE resolved_at IS NOT NULL""");
        jdbc.update("""
                INSERT INTO survey (id, ticket_id, conversation_id, status, due_at, sent_at, score, answered_at, created_at)
                SELECT 'sv' || substr(id, 3), id, conversation_id,
                  CASE WHEN (length(id) * 7 + ascii(right(id, 1))) % 10 < 4 THEN 'ANSWERED' ELSE 'SENT' END,
                  resolved_at, resolved_at,
                  CASE WHEN (length(id) * 7 + ascii(right(id, 1))) % 10 < 4 THEN 1 + (ascii(right(id, 2)) * 3 + ascii(right(id, 1))) % 5 END,
                  CASE WHEN (length(id) * 7 + ascii(right(id, 1))) % 10 < 4 THEN resolved_at + interval '10 minutes' END,
                  resolved_at
                FROM ticket WHERE resolved_at IS NOT NULL AND type <> 'TECH_SUPPORT' AND ascii(right(id, 1)) % 10 < 7""");
        jdbc.update("""
                INSERT INTO callback_task (id, ticket_id, reason, due_at, owner_id, status, attempts, outcome, completed_at, created_at)
                SELECT 'cb' || substr(id, 3), id, 'AFTER_SERVICE', resolved_at + interval '3 days', NULL,
                  CASE WHEN ascii(right(id, 2)) % 10 < 7 AND resolved_at + interval '3 days' < ? THEN 'DONE' ELSE 'OPEN' END, 1,
                  CASE WHEN ascii(right(id, 2)) % 10 < 7 AND resolved_at + interval '3 days' < ?
                    THEN (ARRAY['REACHED','FIXED','FIXED','NOT_FIXED','NO_ANSWER'])[1 + ascii(right(id, 1)) % 5] END,
                  CASE WHEN ascii(right(id, 2)) % 10 < 7 AND resolved_at + interval '3 days' < ? THEN resolved_at + interval '3 days 1 hour' END,
                  resolved_at
                FROM ticket WHERE resolved_at IS NOT NULL AND type <> 'TECH_SUPPORT' AND (ascii(right(id, 1)) + 3) % 10 < 6""", now, now, now);
        jdbc.update("""
                INSERT INTO tech_question (ticket_id, technician_id, vin, vehicle_model, dtc_codes, created_at)
                SELECT id, ?, NULL, COALESCE(vehicle_model, '汉EV'),
                  'P0' || lpad(((ascii(right(id, 1)) * 7) % 30)::text, 3, '0')
                    || CASE WHEN ascii(right(id, 2)) % 3 = 0 THEN ',U0' || lpad(((ascii(right(id, 2)) * 11) % 30)::text, 3, '0') ELSE '' END,
                  opened_at
                FROM ticket WHERE type = 'TECH_SUPPORT'""", technician);
        jdbc.execute("VACUUM ANALYZE");
    }
}
