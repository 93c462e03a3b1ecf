-- The repeated-problem watch looks, for every new technical ticket, at the recent technical
-- tickets of the same model not yet part of a repeated-problem escalation. Without help it read
-- every technical ticket of the model in the window (escalated ones included) on each opening:
-- the cost grew with the history. The flag (set with the escalation, in its transaction) and the
-- index bring the read down to the few tickets that could still count. H2 has no partial indexes,
-- so the flag leads the index instead of a WHERE clause.
ALTER TABLE ticket ADD COLUMN repeat_escalated BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE ticket SET repeat_escalated = TRUE
    WHERE id IN (SELECT ticket_id FROM escalation_ticket WHERE kind = 'REPEATED_TECHNICAL_PROBLEM');
CREATE INDEX ticket_repeat_candidates ON ticket (category, repeat_escalated, vehicle_model, opened_at);
