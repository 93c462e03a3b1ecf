-- Who asked for a ticket (the technician of a TECH_SUPPORT question), kept on the ticket itself so
-- the ticket module decides who may see a ticket from its own table.
ALTER TABLE ticket ADD COLUMN requested_by BIGINT;
UPDATE ticket SET requested_by = (SELECT q.technician_id FROM tech_question q WHERE q.ticket_id = ticket.id)
WHERE type = 'TECH_SUPPORT';
