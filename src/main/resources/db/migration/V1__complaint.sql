-- The application's own record of each complaint; the process instance carries its business key.
CREATE TABLE cd_complaint (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel               VARCHAR(16)   NOT NULL,
    external_id           VARCHAR(200)  NOT NULL,
    business_key          VARCHAR(255)  NOT NULL,
    posted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    language              VARCHAR(16)   NOT NULL,
    text                  VARCHAR(10000) NOT NULL,
    customer_id           VARCHAR(200)  NOT NULL,
    customer_name         VARCHAR(200),
    payload               VARCHAR(100000) NOT NULL,
    process_instance_id   VARCHAR(64),
    received_by           VARCHAR(255),
    CONSTRAINT uq_cd_complaint_channel_external UNIQUE (channel, external_id),
    CONSTRAINT uq_cd_complaint_business_key UNIQUE (business_key)
);
CREATE INDEX ix_cd_complaint_posted_at ON cd_complaint (posted_at);
CREATE INDEX ix_cd_complaint_customer ON cd_complaint (channel, customer_id);
