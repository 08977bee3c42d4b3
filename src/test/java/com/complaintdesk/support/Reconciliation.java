package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "nothing lost, nothing doubled" check after a scenario, straight from the tables: what the application stored
 * ({@code cd_complaint}, {@code cd_inbound_event}) and what the engine holds (process instances, jobs).
 */
public final class Reconciliation {

    /** The number of rows that a request may add. */
    public record Counts(long complaints, long inboundEvents, long processInstances) {}

    private final JdbcClient jdbc;

    public Reconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Counts counts() {
        return new Counts(
                count("SELECT COUNT(*) FROM cd_complaint"),
                count("SELECT COUNT(*) FROM cd_inbound_event"),
                count("SELECT COUNT(*) FROM ACT_HI_PROCINST"));
    }

    /**
     * Every acknowledged case has exactly one row, with its process instance, and exactly one lifecycle instance with
     * the case's business key; no job of those instances holds a lock that has expired (a node died holding it); and
     * no (channel, external id) has two cases anywhere. Scoped to the given cases, as other tests share the database.
     */
    public void verify(Collection<String> acknowledgedCaseIds) {
        for (String caseId : acknowledgedCaseIds) {
            List<Map<String, Object>> rows = jdbc.sql(
                            "SELECT business_key, process_instance_id FROM cd_complaint WHERE id = :id")
                    .param("id", caseId)
                    .query()
                    .listOfRows();
            assertThat(rows).as("case %s is stored once", caseId).hasSize(1);
            Object businessKey = value(rows.get(0), "business_key");
            Object processInstanceId = value(rows.get(0), "process_instance_id");
            assertThat(processInstanceId)
                    .as("case %s has its process instance (not half-created)", caseId)
                    .isNotNull();
            assertThat(count(
                            "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND PROC_DEF_KEY_ = 'complaint-lifecycle'",
                            businessKey))
                    .as("lifecycle instances of %s", businessKey)
                    .isOne();
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ = ?", processInstanceId))
                    .as("the instance case %s names exists", caseId)
                    .isOne();
            assertThat(count(
                            "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ? AND LOCK_EXP_TIME_ < CURRENT_TIMESTAMP",
                            processInstanceId))
                    .as("jobs of %s whose lock expired", caseId)
                    .isZero();
        }
        assertThat(jdbc.sql(
                                "SELECT channel, external_id, COUNT(*) FROM cd_complaint GROUP BY channel, external_id HAVING COUNT(*) > 1")
                        .query()
                        .listOfRows())
                .as("cases doubled per channel and external id")
                .isEmpty();
    }

    /** No case at all without its process instance: for a database that only the scenario uses. */
    public void verifyNoneHalfCreated() {
        assertThat(count("SELECT COUNT(*) FROM cd_complaint WHERE process_instance_id IS NULL"))
                .as("cases stored without their process instance (half-created)")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM cd_complaint c WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p"
                        + " WHERE p.ID_ = c.process_instance_id)"))
                .as("cases whose process instance does not exist")
                .isZero();
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }

    private long count(String sql, Object... parameters) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object parameter : parameters) {
            statement = statement.param(parameter);
        }
        return statement.query(Long.class).single();
    }
}
