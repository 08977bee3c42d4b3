-- E1–E6 (issue #7): every extortion-risk assessment of a case (at triage, again before compensation) and the
-- supervisor's review of a suspected case; the score, the signals that fired and the threshold it was compared with.
CREATE TABLE cd_extortion_assessment (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    step                  VARCHAR(16)   NOT NULL,
    score                 INTEGER       NOT NULL,
    signals               VARCHAR(500),
    threshold             INTEGER       NOT NULL,
    suspected             BOOLEAN       NOT NULL,
    assessed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    assessed_by           VARCHAR(255),
    review_decision       VARCHAR(16),
    report_to_platform    BOOLEAN,
    review_note           VARCHAR(4000)
);
CREATE INDEX ix_cd_extortion_assessment_case ON cd_extortion_assessment (case_id, assessed_at);

-- The latest score and signals on the case record, for reports and auditors.
ALTER TABLE cd_complaint ADD COLUMN extortion_score INTEGER;
ALTER TABLE cd_complaint ADD COLUMN extortion_signals VARCHAR(500);
