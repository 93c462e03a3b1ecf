-- What an append reads and writes, apart from the conversation: its row is the one row every message
-- updates. H2 rewrites each page a commit touched, so a narrow row here (instead of last_seq on the
-- conversation, beside its token hash) makes every commit of the chat gateway cheaper; on PostgreSQL
-- the update stays small and heap-only. The channel is a copy (it never changes), so numbering a
-- message needs this row alone.
CREATE TABLE conversation_head (
    conversation_id  VARCHAR(40)  PRIMARY KEY REFERENCES conversation (id),
    channel          VARCHAR(16)  NOT NULL,
    last_seq         BIGINT       NOT NULL
);

INSERT INTO conversation_head (conversation_id, channel, last_seq)
SELECT id, channel, last_seq FROM conversation;

ALTER TABLE conversation DROP COLUMN last_seq;
