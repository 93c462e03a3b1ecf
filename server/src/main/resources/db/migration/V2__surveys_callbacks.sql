-- Surveys after service, callbacks (回访), and follow-up tickets linked to the ticket they follow.

ALTER TABLE ticket ADD COLUMN parent_id VARCHAR(40);

CREATE TABLE survey (
    id                  VARCHAR(40) PRIMARY KEY,
    ticket_id           VARCHAR(40) NOT NULL UNIQUE REFERENCES ticket (id),
    conversation_id     VARCHAR(40) NOT NULL REFERENCES conversation (id),
    staff_id            BIGINT,
    category            VARCHAR(16),
    vehicle_model       VARCHAR(64),
    -- SCHEDULED → SENT → ANSWERED
    status              VARCHAR(16) NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    reasked             BOOLEAN DEFAULT FALSE NOT NULL,
    score               INT,
    comment             VARCHAR(2000),
    answered_at         TIMESTAMP WITH TIME ZONE,
    follow_up_ticket_id VARCHAR(40),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX survey_due ON survey (status, due_at);
CREATE INDEX survey_conversation ON survey (conversation_id, status);
CREATE INDEX survey_answered ON survey (answered_at);

CREATE TABLE callback_task (
    id            VARCHAR(40) PRIMARY KEY,
    ticket_id     VARCHAR(40) NOT NULL REFERENCES ticket (id),
    -- AFTER_SERVICE (default P3D after resolution), MONTHLY_CHECK (the fix still holds a month later)
    reason        VARCHAR(32) NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_id      BIGINT,
    status        VARCHAR(16) NOT NULL,
    attempts      INT DEFAULT 0 NOT NULL,
    outcome       VARCHAR(16),
    note          VARCHAR(2000),
    follow_up_ticket_id VARCHAR(40),
    completed_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT callback_once UNIQUE (ticket_id, reason)
);
CREATE INDEX callback_status ON callback_task (status, due_at);
