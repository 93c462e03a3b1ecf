-- A caller's survey goes out by SMS: the answer arrives on their SMS conversation, not the voice one.
ALTER TABLE survey ADD COLUMN answer_conversation_id VARCHAR(40);
CREATE INDEX survey_answer_conversation ON survey (answer_conversation_id, status);
