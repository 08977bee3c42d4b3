-- C2, C1 (issue #15): each compensation offer as it was sent to the customer: its options and the cost the agent put
-- on each. The approval gateway checks the customer's choice against this record, not against process variables a
-- person could overwrite after the offer went out. A new offer of the case supersedes the earlier ones. (V18: V17 is taken by another branch's migration.)
CREATE TABLE cd_compensation_offer (
    offer_id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36),
    process_instance_id   VARCHAR(64)   NOT NULL,
    option1               VARCHAR(64),
    amount1               DECIMAL(12,2),
    option2               VARCHAR(64),
    amount2               DECIMAL(12,2),
    option3               VARCHAR(64),
    amount3               DECIMAL(12,2),
    offered_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    offered_by            VARCHAR(255),
    superseded            BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX ix_cd_compensation_offer_process ON cd_compensation_offer (process_instance_id, offered_at);

-- T4, T6 (issue #15): the SLA timers take their due dates from the latest start or restart of the clock in
-- cd_sla_event; seq orders a process instance's events also when the engine's clock puts two at the same instant.
ALTER TABLE cd_sla_event ADD COLUMN seq BIGINT;
CREATE INDEX ix_cd_sla_event_process ON cd_sla_event (process_instance_id, clock, seq);
