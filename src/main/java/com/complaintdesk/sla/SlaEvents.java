package com.complaintdesk.sla;

import static com.complaintdesk.common.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of a case's SLA clocks ({@code cd_sla_event}): when each started, restarted on a new tier (T6),
 * stopped, and was breached (T4), so an auditor sees whether deadlines were kept.
 */
@Repository
public class SlaEvents {

    private final JdbcClient jdbc;

    SlaEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; a breach also marks the case's record as breached, which auditors search by. */
    public void record(SlaEvent e) {
        jdbc.sql(
                        """
                INSERT INTO cd_sla_event (id, case_id, process_instance_id, clock, event, tier, due_at, occurred_at, actor,
                                          seq)
                VALUES (:id, :caseId, :processInstanceId, :clock, :event, :tier, :dueAt, :occurredAt, :actor, :seq)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("caseId", e.caseId())
                .param("processInstanceId", e.processInstanceId())
                .param("clock", e.clock())
                .param("event", e.event())
                .param("tier", e.tier())
                .param("dueAt", e.dueAt())
                .param("occurredAt", e.occurredAt())
                .param("actor", e.actor())
                .param("seq", nextSeq(e.processInstanceId()))
                .update();
        if (SlaEvent.BREACHED.equals(e.event()) || SlaEvent.SECOND_BREACH.equals(e.event())) {
            jdbc.sql("UPDATE cd_complaint SET sla_breached = TRUE WHERE id = :caseId AND sla_breached = FALSE")
                    .param("caseId", e.caseId())
                    .update();
        }
    }

    /** The next number in the process instance's sequence of clock events (1 for its first). */
    private long nextSeq(String processInstanceId) {
        if (processInstanceId == null) {
            return 1;
        }
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM cd_sla_event WHERE process_instance_id = :pid")
                .param("pid", processInstanceId)
                .query(Long.class)
                .single();
    }

    /** A case's clock events in the order they happened. */
    public List<SlaEvent> forCase(String caseId) {
        return jdbc.sql(
                        """
                SELECT case_id, process_instance_id, clock, event, tier, due_at, occurred_at, actor
                  FROM cd_sla_event
                 WHERE case_id = :caseId
                 ORDER BY occurred_at, id
                """)
                .param("caseId", caseId)
                .query(SlaEvents::map)
                .list();
    }

    /**
     * The latest start or restart of one clock of a process instance: what the clock is due at now (of two at the
     * same instant, the one recorded later).
     */
    public Optional<SlaEvent> lastStart(String processInstanceId, String clock) {
        return jdbc
                .sql(
                        """
                SELECT case_id, process_instance_id, clock, event, tier, due_at, occurred_at, actor
                  FROM cd_sla_event
                 WHERE process_instance_id = :pid AND clock = :clock AND event IN ('started', 'restarted')
                 ORDER BY occurred_at DESC, seq DESC
                """)
                .param("pid", processInstanceId)
                .param("clock", clock)
                .query(SlaEvents::map)
                .list()
                .stream()
                .findFirst();
    }

    private static SlaEvent map(ResultSet rs, int row) throws SQLException {
        return new SlaEvent(
                rs.getString("case_id"),
                rs.getString("process_instance_id"),
                rs.getString("clock"),
                rs.getString("event"),
                rs.getString("tier"),
                utc(rs.getObject("due_at", OffsetDateTime.class)),
                utc(rs.getObject("occurred_at", OffsetDateTime.class)),
                rs.getString("actor"));
    }
}
