-- Insights (issue #6), the stored side: period reports (A1), the systemic-fix alerts of a complaint streak (A2), the
-- quarterly product feedback digest (A3) and what the retrospectives list reads (A4). Plain SQL that H2 2.x and
-- PostgreSQL 15 both run; one column per ALTER TABLE.

-- A1: a period's report as ComplaintInsights computed it; recomputing the period replaces its row.
CREATE TABLE cd_insight_report (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    granularity           VARCHAR(8)    NOT NULL,
    period                VARCHAR(16)   NOT NULL,
    period_from           TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to             TIMESTAMP WITH TIME ZONE NOT NULL,
    computed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    cases                 BIGINT        NOT NULL,
    top_category          VARCHAR(32),
    top_cases             BIGINT,
    report                VARCHAR(1000000) NOT NULL,
    CONSTRAINT uq_cd_insight_report_period UNIQUE (granularity, period)
);

-- A2: a decision the owners owe on a category that keeps topping the complaints. open_category holds the category
-- only while the decision is open (NULL once decided), so the unique index allows one open fix per category.
CREATE TABLE cd_systemic_fix (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    category              VARCHAR(32)   NOT NULL,
    open_category         VARCHAR(32),
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence              VARCHAR(1000000) NOT NULL,
    process_instance_id   VARCHAR(64),
    decision              VARCHAR(32),
    change_description    VARCHAR(4000),
    change_owner          VARCHAR(200),
    due_on                DATE,
    decided_by            VARCHAR(255),
    decided_at            TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX uq_cd_systemic_fix_open_category ON cd_systemic_fix (open_category);
CREATE INDEX ix_cd_systemic_fix_category ON cd_systemic_fix (category, opened_at);

-- A2: each streak (a category on top for periods running, named by its first period) alerts once; a streak seen
-- while its category's fix is open is recorded against that fix.
CREATE TABLE cd_systemic_fix_streak (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    fix_id                VARCHAR(36)   NOT NULL,
    granularity           VARCHAR(8)    NOT NULL,
    category              VARCHAR(32)   NOT NULL,
    first_period          VARCHAR(16)   NOT NULL,
    last_period           VARCHAR(16)   NOT NULL,
    periods               INTEGER       NOT NULL,
    opened_task           BOOLEAN       NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_cd_systemic_fix_streak UNIQUE (granularity, category, first_period)
);
CREATE INDEX ix_cd_systemic_fix_streak_fix ON cd_systemic_fix_streak (fix_id);

-- A3: the product feedback digest of a quarter, as it was given to the product team, and what they took up.
CREATE TABLE cd_product_digest (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    quarter               VARCHAR(8)    NOT NULL,
    computed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    cases                 BIGINT        NOT NULL,
    digest                VARCHAR(1000000) NOT NULL,
    process_instance_id   VARCHAR(64),
    taken_up              VARCHAR(4000),
    notes                 VARCHAR(4000),
    reviewed_by           VARCHAR(255),
    reviewed_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_cd_product_digest_quarter UNIQUE (quarter)
);

-- A3: the product a complaint is about, so feedback is counted per SKU from the table, not from each payload.
-- Migration 15.1 fills it for the cases received before.
ALTER TABLE cd_complaint ADD COLUMN product_sku VARCHAR(200);

-- A4: the retrospectives list reads newest first.
CREATE INDEX ix_cd_retrospective_held_at ON cd_retrospective (held_at, id);
