-- WeChat (issue #15, "Webhooks"): the nonce of every WeChat push accepted lately, per mini program (AppID). The
-- signature of a push covers only timestamp and nonce, so a captured push could be sent again with any body; the
-- webhook refuses a timestamp outside complaintdesk.channels.wechat.max-clock-skew of now, and within that window a
-- nonce already seen here with another push. The primary key makes the second insert of a nonce fail atomically, on
-- every node sharing this database. push_sha256 is the push the nonce came with: the same push again (WeChat's own
-- retry) is not a replay. A row is useless once expires_at (the push's timestamp plus the window) has passed; rows
-- past it are deleted as new ones are inserted.
CREATE TABLE cd_wechat_push_nonce (
    app_id                VARCHAR(200)  NOT NULL,
    nonce                 VARCHAR(128)  NOT NULL,
    push_sha256           VARCHAR(64)   NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cd_wechat_push_nonce PRIMARY KEY (app_id, nonce)
);
CREATE INDEX ix_cd_wechat_push_nonce_expires ON cd_wechat_push_nonce (expires_at);
