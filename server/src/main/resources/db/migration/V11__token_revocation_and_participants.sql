-- Revoking staff tokens: every access token carries the staff member's token_version; changing
-- the password (or an admin reset, or disabling the account) bumps it, so older tokens stop working.
ALTER TABLE staff ADD COLUMN token_version INT DEFAULT 0 NOT NULL;
ALTER TABLE staff ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

-- Refresh tokens: only a SHA-256 hash is stored; each is used once and replaced by a new one.
CREATE TABLE refresh_token (
    id             VARCHAR(40) PRIMARY KEY,
    token_hash     VARCHAR(64) NOT NULL UNIQUE,
    staff_id       BIGINT NOT NULL REFERENCES staff (id),
    token_version  INT NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_token_staff ON refresh_token (staff_id);

-- Everyone a ticket was ever assigned to: they may still read it after it moved on. No foreign key,
-- so retention may delete tickets without first visiting this table (it deletes the rows too).
CREATE TABLE ticket_participant (
    ticket_id    VARCHAR(40) NOT NULL,
    staff_id     BIGINT NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_participant_ticket ON ticket_participant (ticket_id, staff_id);
CREATE INDEX ticket_participant_staff ON ticket_participant (staff_id);
