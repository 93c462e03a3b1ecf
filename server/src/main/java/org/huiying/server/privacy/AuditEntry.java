package org.huiying.server.privacy;

import java.time.Instant;

/**
 * One line of the audit log. {@code actor} is the staff id ({@code null} for the retention job),
 * {@code subject} the conversation or ticket concerned, {@code fields} what was shown in full.
 */
public record AuditEntry(long id, Instant at, Long actor, String action, Long customer, String subject, String fields,
                         String reason) {
}
