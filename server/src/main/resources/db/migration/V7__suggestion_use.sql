-- Which suggested knowledge-base articles agents and experts actually used on a ticket.
CREATE TABLE kb_suggestion_use (
    ticket_id   VARCHAR(40) NOT NULL REFERENCES ticket (id),
    article_id  VARCHAR(128) NOT NULL,
    staff_id    BIGINT NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX kb_suggestion_use_article ON kb_suggestion_use (article_id);
