-- WeChat (issue #4): when each customer last interacted with the mini program (a review, a message to customer
-- service). WeChat lets the shop send customer-service messages only within 48 hours of that (F5, F7).
CREATE TABLE cd_wechat_contact (
    open_id               VARCHAR(200)  NOT NULL PRIMARY KEY,
    last_interaction_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
