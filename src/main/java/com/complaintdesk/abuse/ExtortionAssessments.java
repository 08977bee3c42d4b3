package com.complaintdesk.abuse;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every extortion-risk assessment of a case (at triage and again before compensation, with what the customer
 * said in between) and the supervisor's review, in {@code cd_extortion_assessment}; and the customer's history
 * in this shop, from the case records.
 */
@Repository
public class ExtortionAssessments {

    /** One assessment: the summed score, the signals that fired and the threshold it was compared with. */
    public record Assessment(
            String caseId,
            String step,
            int score,
            String signals,
            int threshold,
            boolean suspected,
            OffsetDateTime assessedAt,
            String assessedBy) {}

    /** The customer's other cases on the same channel (the shop), and how many of them got compensation. */
    public record History(int priorComplaints, int priorCompensations) {}

    private final JdbcClient jdbc;

    ExtortionAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Assessment a) {
        jdbc.sql(
                        """
                INSERT INTO cd_extortion_assessment (id, case_id, step, score, signals, threshold, suspected, assessed_at,
                                                     assessed_by)
                VALUES (:id, :caseId, :step, :score, :signals, :threshold, :suspected, :at, :by)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("caseId", a.caseId())
                .param("step", a.step())
                .param("score", a.score())
                .param("signals", a.signals())
                .param("threshold", a.threshold())
                .param("suspected", a.suspected())
                .param("at", a.assessedAt())
                .param("by", a.assessedBy())
                .update();
        jdbc.sql("UPDATE cd_complaint SET extortion_score = :score, extortion_signals = :signals WHERE id = :caseId")
                .param("score", a.score())
                .param("signals", a.signals())
                .param("caseId", a.caseId())
                .update();
    }

    /** The supervisor's review of the case's latest assessment: guard or clear, and why. */
    public void recordReview(
            String caseId, String decision, boolean reportToPlatform, String note, String by, OffsetDateTime at) {
        jdbc.sql(
                        """
                INSERT INTO cd_extortion_assessment (id, case_id, step, score, signals, threshold, suspected, assessed_at,
                                                     assessed_by, review_decision, report_to_platform, review_note)
                SELECT :id, case_id, 'review', score, signals, threshold, suspected, :at, :by, :decision, :report, :note
                  FROM cd_extortion_assessment
                 WHERE case_id = :caseId
                 ORDER BY assessed_at DESC
                 FETCH FIRST 1 ROWS ONLY
                """)
                .param("id", UUID.randomUUID().toString())
                .param("caseId", caseId)
                .param("at", at)
                .param("by", by)
                .param("decision", decision)
                .param("report", reportToPlatform)
                .param("note", note)
                .update();
    }

    /** The case's assessments and reviews, oldest first. */
    public List<Assessment> forCase(String caseId) {
        return jdbc.sql(
                        """
                SELECT case_id, step, score, signals, threshold, suspected, assessed_at, assessed_by
                  FROM cd_extortion_assessment WHERE case_id = :caseId ORDER BY assessed_at, step
                """)
                .param("caseId", caseId)
                .query((rs, n) -> new Assessment(
                        rs.getString("case_id"),
                        rs.getString("step"),
                        rs.getInt("score"),
                        rs.getString("signals"),
                        rs.getInt("threshold"),
                        rs.getBoolean("suspected"),
                        rs.getObject("assessed_at", OffsetDateTime.class),
                        rs.getString("assessed_by")))
                .list();
    }

    /**
     * The supervisor's latest review decision on the case ({@code guard} or {@code clear}), as stored when it was
     * applied; empty when no supervisor has reviewed the case.
     */
    public Optional<String> reviewDecision(String caseId) {
        return jdbc
                .sql(
                        """
                SELECT review_decision FROM cd_extortion_assessment
                 WHERE case_id = :caseId AND step = 'review'
                 ORDER BY assessed_at DESC
                """)
                .param("caseId", caseId)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /** The customer's other cases on this channel, and those of them that got compensation. */
    public History history(String caseId, String channel, String customerId) {
        return jdbc.sql(
                        """
                SELECT COUNT(*) AS complaints,
                       COALESCE(SUM(CASE WHEN compensation_given THEN 1 ELSE 0 END), 0) AS compensations
                  FROM cd_complaint
                 WHERE channel = :channel AND customer_id = :customer AND id <> :caseId
                """)
                .param("channel", channel)
                .param("customer", customerId)
                .param("caseId", caseId == null ? "" : caseId)
                .query((rs, n) -> new History(rs.getInt("complaints"), rs.getInt("compensations")))
                .single();
    }
}
