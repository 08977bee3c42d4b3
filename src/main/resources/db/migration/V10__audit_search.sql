-- Auditors' case search (issue #5): every filter is a column of cd_complaint, so a search reads the application's
-- own table and never the engine's variables. Each index leads with its filter's column and ends with the default
-- order (newest post first, then id), so a filtered page is read in order from the index, without sorting.
-- Plain SQL that H2 2.x and PostgreSQL 15 both run; one column per ALTER TABLE.

-- The order the complaint is about; the order id so far lived only inside the payload. V9_1 fills it for the
-- cases received before this column existed.
ALTER TABLE cd_complaint ADD COLUMN order_id VARCHAR(200);

-- T4: true once any of the case's SLA clocks was breached (kept by the SLA events as they are recorded).
ALTER TABLE cd_complaint ADD COLUMN sla_breached BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE cd_complaint SET sla_breached = TRUE
 WHERE id IN (SELECT case_id FROM cd_sla_event WHERE event IN ('breached', 'second_breach'));

-- C1-C4: true when the customer got a remedy, i.e. an option other than none or declined.
ALTER TABLE cd_complaint ADD COLUMN compensation_given BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE cd_complaint SET compensation_given = TRUE
 WHERE compensation IS NOT NULL AND compensation NOT IN ('none', 'declined');

-- The default order, alone and behind each filter.
DROP INDEX ix_cd_complaint_posted_at;
CREATE INDEX ix_cd_complaint_posted ON cd_complaint (posted_at, id);
CREATE INDEX ix_cd_complaint_channel_posted ON cd_complaint (channel, posted_at, id);
DROP INDEX ix_cd_complaint_tier;
CREATE INDEX ix_cd_complaint_tier_posted ON cd_complaint (tier, posted_at, id);
DROP INDEX ix_cd_complaint_category;
CREATE INDEX ix_cd_complaint_category_posted ON cd_complaint (category, posted_at, id);
DROP INDEX ix_cd_complaint_status;
CREATE INDEX ix_cd_complaint_status_posted ON cd_complaint (status, posted_at, id);
CREATE INDEX ix_cd_complaint_sla_breached_posted ON cd_complaint (sla_breached, posted_at, id);
CREATE INDEX ix_cd_complaint_compensation_given_posted ON cd_complaint (compensation_given, posted_at, id);
CREATE INDEX ix_cd_complaint_review_outcome_posted ON cd_complaint (review_outcome, posted_at, id);

-- Filters that name one customer, order or post match a handful of cases: an index on the value is enough.
CREATE INDEX ix_cd_complaint_external_id ON cd_complaint (external_id);
CREATE INDEX ix_cd_complaint_customer_id ON cd_complaint (customer_id);
CREATE INDEX ix_cd_complaint_customer_name ON cd_complaint (customer_name);
CREATE INDEX ix_cd_complaint_order_id ON cd_complaint (order_id);
