-- A customer's chat token lives huiying.chat.token-ttl (P1D) from its last use. Sessions open at the
-- upgrade keep a full lifetime from now rather than expiring at once.
ALTER TABLE conversation ADD COLUMN token_used_at TIMESTAMP WITH TIME ZONE;
UPDATE conversation SET token_used_at = CURRENT_TIMESTAMP WHERE token_hash IS NOT NULL;
