package org.huiying.server.ticket;

/**
 * SQL for time on a ticket with the clock's pauses taken out, as the SLA clock itself counts it: a
 * pause runs from the PAUSED line to the next RESUMED one, or to the resolution when the ticket was
 * resolved while waiting on the customer ({@code SlaTimes.resolvedAt}). A second PAUSED line while
 * already paused (a waiting ticket transferred, assigned and set waiting again) starts nothing, as
 * the clock ignores it. Works on H2 and PostgreSQL alike.
 */
final class PausedTime {

    private PausedTime() {
    }

    /** Seconds since the epoch of a timestamp column or expression. */
    static String epoch(String column) {
        return "EXTRACT(EPOCH FROM " + column + ")";
    }

    /**
     * Common table expressions {@code marks} and {@code pauses} for the tickets {@code t} matching
     * {@code cohort} (a condition on alias {@code t}, with its own parameters; the first of them the
     * earliest opening, bound once more before them: a ticket is paused only after it opened, so only
     * the pause lines recorded since are read). {@code pauses} holds per paused ticket: {@code span}
     * (resumes minus pause starts, in epoch seconds) and {@code still_paused} (1 when a pause never
     * ended), and the same two counted only before the first response ({@code span_before},
     * {@code paused_before}).
     */
    static String ctes(String cohort) {
        return """
                marks AS (
                  SELECT e.ticket_id, e.kind, e.recorded_at, t.first_responded_at,
                         LAG(e.kind) OVER (PARTITION BY e.ticket_id ORDER BY e.id) AS previous
                  FROM sla_event e JOIN ticket t ON t.id = e.ticket_id
                  WHERE e.kind IN ('PAUSED', 'RESUMED') AND e.recorded_at >= ? AND %s
                ), pauses AS (
                  SELECT ticket_id,
                    SUM(CASE WHEN kind = 'RESUMED' THEN %s ELSE -%s END) AS span,
                    SUM(CASE WHEN kind = 'PAUSED' THEN 1 ELSE -1 END) AS still_paused,
                    SUM(CASE WHEN recorded_at < first_responded_at THEN
                          CASE WHEN kind = 'RESUMED' THEN %s ELSE -%s END ELSE 0 END) AS span_before,
                    SUM(CASE WHEN recorded_at < first_responded_at THEN
                          CASE WHEN kind = 'PAUSED' THEN 1 ELSE -1 END ELSE 0 END) AS paused_before
                  FROM marks WHERE previous IS NULL OR previous <> kind
                  GROUP BY ticket_id
                )""".formatted(cohort, epoch("recorded_at"), epoch("recorded_at"), epoch("recorded_at"), epoch("recorded_at"));
    }

    /** Seconds from opening to the first response, pauses before it excluded (null while unanswered); needs {@code pauses} as {@code ps}. */
    static String firstResponseSeconds() {
        return "CASE WHEN t.first_responded_at IS NOT NULL THEN " + epoch("(t.first_responded_at - t.opened_at)")
                + " - COALESCE(ps.span_before + ps.paused_before * " + epoch("t.first_responded_at") + ", 0) END";
    }

    /** Seconds from opening to resolution, pauses excluded (null while unresolved); needs {@code pauses} as {@code ps}. */
    static String resolutionSeconds() {
        return "CASE WHEN t.resolved_at IS NOT NULL THEN " + epoch("(t.resolved_at - t.opened_at)")
                + " - COALESCE(ps.span + ps.still_paused * " + epoch("t.resolved_at") + ", 0) END";
    }
}
