-- Engagement updates (issue #4, T6): the latest share, comment and like counts of each case's post, and where
-- its rate window started, so the viral-thresholds decision sees growth per hour. Plain SQL that H2 2.x and
-- PostgreSQL 15 both run.
CREATE TABLE cd_engagement (
    case_id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    -- the highest counts seen so far (a count that went down keeps its peak) and when they were observed
    likes                 INTEGER       NOT NULL,
    shares                INTEGER       NOT NULL,
    comments              INTEGER       NOT NULL,
    observed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the start of the current rate window: the counts then and when (the post itself, at first)
    window_shares         INTEGER       NOT NULL,
    window_comments       INTEGER       NOT NULL,
    window_started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_cd_engagement_case FOREIGN KEY (case_id) REFERENCES cd_complaint (id)
);
