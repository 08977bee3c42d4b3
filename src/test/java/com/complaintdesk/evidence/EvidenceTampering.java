package com.complaintdesk.evidence;

import com.complaintdesk.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes stored evidence behind the application's back, as someone with the database's owner rights could: the
 * append-only guard is taken off for the one statement and put back. On PostgreSQL in one transaction (the owner
 * disables the trigger and grants itself UPDATE again); on H2 the trigger is dropped and created again.
 */
public final class EvidenceTampering {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public EvidenceTampering(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs {@code sql} (with {@code :name} parameters as name, value pairs) on {@code cd_evidence} unguarded. */
    public void run(String sql, Object... params) {
        if (TestDatabase.onPostgres()) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("ALTER TABLE cd_evidence DISABLE TRIGGER cd_evidence_append_only")
                        .update();
                jdbc.sql("GRANT UPDATE ON cd_evidence TO CURRENT_USER").update();
                statement(sql, params).update();
                jdbc.sql("REVOKE UPDATE ON cd_evidence FROM CURRENT_USER").update();
                jdbc.sql("ALTER TABLE cd_evidence ENABLE TRIGGER cd_evidence_append_only")
                        .update();
            });
        } else {
            jdbc.sql("DROP TRIGGER cd_evidence_append_only").update();
            try {
                statement(sql, params).update();
            } finally {
                jdbc.sql(
                                "CREATE TRIGGER cd_evidence_append_only BEFORE UPDATE, DELETE ON cd_evidence FOR EACH ROW CALL '"
                                        + H2EvidenceGuard.class.getName() + "'")
                        .update();
            }
        }
    }

    private JdbcClient.StatementSpec statement(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i += 2) {
            statement = statement.param((String) params[i], params[i + 1]);
        }
        return statement;
    }
}
