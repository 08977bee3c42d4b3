-- The outbox's own bookkeeping of each attempt to send (issue #4): a message is marked 'sending' and its attempt
-- counted before a platform is called, so a send interrupted by a crash or a lost answer is known afterwards and
-- never posted again blindly. 'step' names the process step that sends it (<process instance id>:<activity id>),
-- so an agent who looked on the platform can release exactly that step's send.
ALTER TABLE cd_outbound_message ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE cd_outbound_message ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cd_outbound_message ADD COLUMN last_error VARCHAR(2000);
ALTER TABLE cd_outbound_message ADD COLUMN step VARCHAR(255);
CREATE INDEX ix_cd_outbound_message_step ON cd_outbound_message (step, status);
