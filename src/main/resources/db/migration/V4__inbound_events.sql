-- Deliveries from the platforms' webhooks (issue #4), kept as they arrived before anything is done with them:
-- the raw body is what the platform signed, so it stays the evidence of what the customer wrote (X4, R3).
-- A platform that delivers the same body twice is recorded once: the event key is unique per channel
-- (Instagram: the SHA-256 of the body; Meta sends no delivery id). processed_at stays empty until every
-- change in the delivery has been handled, so a retried delivery finishes what a failed one left.
CREATE TABLE cd_inbound_event (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel               VARCHAR(16)   NOT NULL,
    event_key             VARCHAR(255)  NOT NULL,
    payload               VARCHAR(4194304) NOT NULL,
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at          TIMESTAMP WITH TIME ZONE,
    outcome               VARCHAR(4000),
    CONSTRAINT uq_cd_inbound_event_channel_key UNIQUE (channel, event_key)
);
CREATE INDEX ix_cd_inbound_event_received ON cd_inbound_event (channel, received_at);
