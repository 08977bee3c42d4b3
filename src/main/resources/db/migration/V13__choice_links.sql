-- C2 (issue #7): each choice link works once. The offer's id is the key, so a second click, a second tab or two
-- requests at the same moment store one choice at most.
CREATE TABLE cd_choice_link_use (
    offer_id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL,
    chosen                VARCHAR(64)   NOT NULL,
    used_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_cd_choice_link_use_case ON cd_choice_link_use (case_id);
