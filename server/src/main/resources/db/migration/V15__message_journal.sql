-- How far the embedded server's message journal has been applied to the message table: moved in the
-- same transaction as the messages it covers, so a restart applies each journaled message once.
CREATE TABLE message_journal (
    id           INT     PRIMARY KEY,
    segment_no   BIGINT  NOT NULL,
    byte_offset  BIGINT  NOT NULL
);

INSERT INTO message_journal (id, segment_no, byte_offset) VALUES (1, 0, 0);
