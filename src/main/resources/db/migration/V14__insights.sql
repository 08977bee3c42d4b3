-- Complaint analytics (issue #6, A1, A5, T1–T4, C1–C4, R5): the period reports read the application's own tables
-- through these indexes, never the engine's history. Every figure counts the cases posted in the period, so each
-- query starts from a posted_at range of cd_complaint.
-- Plain SQL that H2 2.x and PostgreSQL 15 both run; one column per ALTER TABLE.

-- A5: the day's total reviews on a channel (any rating), recorded by an owner where the channel gives no totals
-- (the column is review_day: DAY is a keyword in H2).
CREATE TABLE cd_review_total (
    channel               VARCHAR(16)   NOT NULL,
    review_day            DATE          NOT NULL,
    reviews               INTEGER       NOT NULL,
    recorded_by           VARCHAR(255)  NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cd_review_total PRIMARY KEY (channel, review_day)
);
CREATE INDEX ix_cd_review_total_day ON cd_review_total (review_day, channel);

-- C4: the currency of the compensation amount (the order's currency); orders come in several currencies, so totals
-- are per currency. Cases compensated before this column existed keep NULL (reported as an unknown currency).
ALTER TABLE cd_complaint ADD COLUMN compensation_currency VARCHAR(3);

-- A1, T4: cases by tier, category, channel and root cause, and the times to first response and to resolution, read
-- from the index alone (an index-only scan on PostgreSQL) for the period's posted_at range; the id lets the joins to
-- the clock events and messages start from the index too.
CREATE INDEX ix_cd_complaint_insights ON cd_complaint
    (posted_at, tier, category, channel, root_cause, first_responded_at, resolved_at, id);

-- T4: a case's clock events by clock and event, so compliance and escalations need not read the events' rows.
CREATE INDEX ix_cd_sla_event_case_clock ON cd_sla_event (case_id, clock, event);

-- R5: whether a case's review-update request was delivered, without reading the messages' rows.
CREATE INDEX ix_cd_outbound_message_case_kind ON cd_outbound_message (case_id, kind, status);
