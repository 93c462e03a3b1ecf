-- The voice hotline through Twilio. Runs on H2 (PostgreSQL mode) and PostgreSQL alike: keep to their common SQL.

-- One voice conversation per caller number (E.164); the primary key makes concurrent first calls
-- from one number agree on a single conversation.
CREATE TABLE voice_thread (
    phone            VARCHAR(32)  PRIMARY KEY,
    conversation_id  VARCHAR(40)  NOT NULL UNIQUE REFERENCES conversation (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every call, inbound (a caller on the hotline) or outbound (an agent's callback), by Twilio's CallSid.
-- status only moves forward (queued → initiated → ringing → in-progress → a final status).
CREATE TABLE voice_call (
    call_sid          VARCHAR(64)  PRIMARY KEY,
    direction         VARCHAR(16)  NOT NULL,
    phone             VARCHAR(32)  NOT NULL,
    conversation_id   VARCHAR(40),
    ticket_id         VARCHAR(40),
    callback_task_id  VARCHAR(40),
    placed_by         BIGINT,
    status            VARCHAR(16)  NOT NULL,
    status_rank       INT          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX voice_call_task ON voice_call (callback_task_id);

-- Status callbacks already applied: Twilio may deliver one twice, or late; each counts once.
CREATE TABLE voice_call_event (
    call_sid     VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (call_sid, status)
);
