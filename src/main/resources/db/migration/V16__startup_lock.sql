-- Start-up work shared by every node (users, groups, grants, Tasklist filters) runs while holding this row
-- (SELECT ... FOR UPDATE), so nodes starting at the same moment take turns instead of updating the same filter
-- row at once: the loser of that race ended its start with an OptimisticLockingException (issue #9, cluster).
CREATE TABLE cd_startup_lock (
    name                  VARCHAR(64)   NOT NULL PRIMARY KEY
);
INSERT INTO cd_startup_lock (name) VALUES ('identity-setup');
