/**
 * Escalations: problems that must leave the front line. Three technical problems of the same
 * kind go to R&D ({@code REPEATED_TECHNICAL_PROBLEM}); an appointment request nobody answered in
 * time is raised to the top of the queue and to the supervisors ({@code APPOINTMENT_TIMEOUT}); a
 * survey scored 1–2 reaches the supervisors with its follow-up complaint ({@code LOW_SATISFACTION}).
 * Each has an owner and an end: OPEN → ACKNOWLEDGED → RESOLVED (root cause, fix) or REJECTED, with
 * comments; an R&D fix books a check call to every affected customer a month later and tells the
 * agents of its tickets; R&D's state changes go to an outside tracker through a signed webhook.
 */
package org.huiying.server.escalation;
