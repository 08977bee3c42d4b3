-- The complaint lifecycle (issue #3): what the case record keeps beyond intake, SLA clock events (T4),
-- outbound messages (P, F, C, R), evidence (X4) and retrospectives (A4). Plain SQL that H2 2.x and
-- PostgreSQL 15 both run; one column per ALTER TABLE because H2 has no comma-separated ADD clauses.

-- The case's state as the lifecycle moves on; reports (A1) group by tier, category and status.
ALTER TABLE cd_complaint ADD COLUMN tier VARCHAR(2);
ALTER TABLE cd_complaint ADD COLUMN category VARCHAR(32);
ALTER TABLE cd_complaint ADD COLUMN status VARCHAR(16) DEFAULT 'open' NOT NULL;
ALTER TABLE cd_complaint ADD COLUMN first_responded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cd_complaint ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cd_complaint ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cd_complaint ADD COLUMN root_cause VARCHAR(32);
ALTER TABLE cd_complaint ADD COLUMN resolution_summary VARCHAR(4000);
ALTER TABLE cd_complaint ADD COLUMN satisfaction VARCHAR(16);
ALTER TABLE cd_complaint ADD COLUMN compensation VARCHAR(64);
ALTER TABLE cd_complaint ADD COLUMN compensation_amount DECIMAL(12,2);
ALTER TABLE cd_complaint ADD COLUMN review_outcome VARCHAR(16);
CREATE INDEX ix_cd_complaint_status ON cd_complaint (status);
CREATE INDEX ix_cd_complaint_tier ON cd_complaint (tier);
CREATE INDEX ix_cd_complaint_category ON cd_complaint (category);

-- Every start, restart, stop and breach of a case's SLA clocks, in the order they happened (T4, T6).
CREATE TABLE cd_sla_event (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    process_instance_id   VARCHAR(64),
    clock                 VARCHAR(16)   NOT NULL,
    event                 VARCHAR(16)   NOT NULL,
    tier                  VARCHAR(2),
    due_at                TIMESTAMP WITH TIME ZONE,
    occurred_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor                 VARCHAR(255)
);
CREATE INDEX ix_cd_sla_event_case ON cd_sla_event (case_id, occurred_at);

-- The outbox: each message or platform action sent for a case, once per idempotency key.
CREATE TABLE cd_outbound_message (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    channel               VARCHAR(16)   NOT NULL,
    kind                  VARCHAR(32)   NOT NULL,
    surface               VARCHAR(16)   NOT NULL,
    recipient             VARCHAR(200),
    text                  VARCHAR(10000) NOT NULL,
    idempotency_key       VARCHAR(255)  NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    platform_ref          VARCHAR(255),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_cd_outbound_message_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_cd_outbound_message_case ON cd_outbound_message (case_id, created_at);

-- X4: append-only evidence, each item hash-chained to the one before it in the same case.
CREATE TABLE cd_evidence (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    seq                   INTEGER       NOT NULL,
    kind                  VARCHAR(32)   NOT NULL,
    content               VARCHAR(100000) NOT NULL,
    sha256                VARCHAR(64)   NOT NULL,
    previous_sha256       VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(255),
    CONSTRAINT uq_cd_evidence_case_seq UNIQUE (case_id, seq)
);

-- A4: the one retrospective of a T1/T2 case.
CREATE TABLE cd_retrospective (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    cause                 VARCHAR(16)   NOT NULL,
    findings              VARCHAR(4000) NOT NULL,
    action                VARCHAR(4000) NOT NULL,
    training_case         BOOLEAN       NOT NULL,
    held_by               VARCHAR(255),
    held_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_cd_retrospective_case UNIQUE (case_id)
);
