/**
 * Escalations: problems that must leave the front line. Three technical problems of the same
 * kind go to R&D ({@code REPEATED_TECHNICAL_PROBLEM}); an appointment request nobody answered in
 * time is raised to the top of the queue and to the supervisors ({@code APPOINTMENT_TIMEOUT}); a
 * survey scored 1–2 reaches the supervisors with its follow-up complaint ({@code LOW_SATISFACTION}).
 */
package org.huiying.server.escalation;
