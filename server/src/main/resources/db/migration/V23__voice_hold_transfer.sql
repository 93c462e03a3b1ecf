-- An answered caller talks to agents in a Twilio conference named after their call: its SID (from the
-- conference's status callback) lets the agent hold and resume them; agent_leg_sid is the call that
-- brought the agent in.
ALTER TABLE voice_call ADD COLUMN conference_sid VARCHAR(64);
ALTER TABLE voice_call ADD COLUMN agent_leg_sid VARCHAR(64);
-- on hold since (null: not on hold), and the time on hold so far
ALTER TABLE voice_call ADD COLUMN held_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE voice_call ADD COLUMN hold_seconds BIGINT DEFAULT 0 NOT NULL;
-- a warm transfer: the colleague took the call (answered_by); the agent who handed it over may still be
-- on the line with them until they leave
ALTER TABLE voice_call ADD COLUMN handed_over_by BIGINT;
ALTER TABLE voice_call ADD COLUMN handed_over_leg_sid VARCHAR(64);
-- a transfer rings on the colleague's console like a caller's offer; from_staff_id: the agent transferring
ALTER TABLE voice_offer ADD COLUMN from_staff_id BIGINT;
