-- Knowledge base: every saved version of every article (the search index holds the current one).
CREATE TABLE kb_article_version (
    article_id VARCHAR(128)   NOT NULL,
    version    INTEGER        NOT NULL,
    status     VARCHAR(16)    NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    article    VARCHAR(400000) NOT NULL,  -- the article as JSON, as the index stores it
    PRIMARY KEY (article_id, version)
);
