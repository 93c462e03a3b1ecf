/**
 * Supervisors' numbers: SLA compliance per period and type, the service figures the seeds judge a centre
 * by (closure, handling time, first-contact resolution, survey response, CSAT against target, callbacks,
 * expert answers), problems by vehicle model, region and dealer, and the monthly service report (JSON,
 * CSV, XLSX; generated on the 1st for the month before and kept). Also watches the seeds' thresholds and
 * raises each crossing once as an escalation. Reads every figure through its owner's API (ticket,
 * survey, callback, expert, customer); owns {@code report_alert} and {@code report_monthly}.
 */
package org.huiying.server.report;
