-- Supervisors' numbers (issue 27): SLA, service and problem reports, threshold alerts, the monthly report.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL alike.

-- ticket module: reports take the tickets opened in a period (by type), and ask whether a resolved ticket
-- was followed up or revisited; the clock's pauses are read by kind.
CREATE INDEX ticket_opened ON ticket (opened_at, type);
CREATE INDEX ticket_parent ON ticket (parent_id);
CREATE INDEX ticket_rework_of ON ticket (rework_of);
CREATE INDEX sla_event_kind ON sla_event (kind, ticket_id);

-- survey module: the response rate counts the surveys sent in a period.
CREATE INDEX survey_sent ON survey (sent_at);

-- callback module: callbacks by the day they fell due, whatever their status.
CREATE INDEX callback_due ON callback_task (due_at);

-- expert module: technicians' questions (their fault codes) by the day they were asked.
CREATE INDEX tech_question_created ON tech_question (created_at);

-- report module: each threshold alert raised once (a key per condition: a model and month, a ticket, the
-- CSAT window while it stays below target), and each month's service report as generated on the 1st.
CREATE TABLE report_alert (
    alert_key      VARCHAR(200) PRIMARY KEY,
    kind           VARCHAR(40)  NOT NULL,
    escalation_id  VARCHAR(40),
    -- a condition that can clear and return (CSAT) is raised again only after it cleared
    active         BOOLEAN      NOT NULL,
    raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at     TIMESTAMP WITH TIME ZONE
);

-- Each finished day's tickets per type, counted once nothing about them can change any more (resolved,
-- their deadlines and the first-contact window behind them): the reports read a year from ~400 rows per
-- type instead of a million tickets. fr_ms, res_ms: the day's durations in milliseconds (pauses out),
-- sorted, as base-36 steps from the one before (medians need every value). Type '*' marks the day done.
CREATE TABLE report_day (
    day_start        TIMESTAMP WITH TIME ZONE NOT NULL,
    zone             VARCHAR(64)  NOT NULL,
    window_seconds   BIGINT       NOT NULL,
    ticket_type      VARCHAR(16)  NOT NULL,
    opened           INT          NOT NULL,
    fr_judged        INT          NOT NULL,
    fr_met           INT          NOT NULL,
    res_judged       INT          NOT NULL,
    res_met          INT          NOT NULL,
    breaches         INT          NOT NULL,
    first_contact    INT          NOT NULL,
    fr_ms            VARCHAR(1000000) NOT NULL,
    res_ms           VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (day_start, zone, window_seconds, ticket_type)
);

CREATE TABLE report_monthly (
    report_month   VARCHAR(7)   PRIMARY KEY,
    generated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    body           VARCHAR(1000000) NOT NULL
);
