package com.complaintdesk.intake;

import static com.complaintdesk.common.Timestamps.utc;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes what the lifecycle decides into the case's own record ({@code cd_complaint}), so reports (A1, A5) and
 * auditors need not read process history. Values are the shared option keys; an unknown key or case id is
 * refused with {@link IllegalArgumentException} rather than stored.
 */
@Repository
public class CaseRecords {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    private static final List<String> ROOT_CAUSES =
            List.of("quality", "logistics", "service_attitude", "misunderstanding", "other");
    private static final List<String> SATISFACTIONS = List.of("satisfied", "neutral", "unsatisfied", "unknown");
    public static final List<String> REVIEW_OUTCOMES = List.of("updated", "declined", "no_answer");
    public static final List<String> COMPENSATIONS = List.of(
            "full_refund",
            "partial_refund",
            "reshipment",
            "reshipment_gift",
            "full_refund_return_shipping",
            "coupon",
            "gift",
            "none",
            "declined");
    /** The compensation keys under which the customer got nothing; any other option counts as compensation given. */
    public static final List<String> NO_COMPENSATION = List.of("none", "declined");

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** T1–T3: the confirmed (or re-tiered, T6) tier and category. */
    public void recordTriage(String caseId, String tier, String category) {
        check("tier", tier, ComplaintLifecycle.Tier.ALL);
        check("category", category, ComplaintLifecycle.Category.ALL);
        update(
                caseId,
                jdbc.sql("UPDATE cd_complaint SET tier = :tier, category = :category WHERE id = :id")
                        .param("tier", tier)
                        .param("category", category));
    }

    /** T5: the case became T1 from one of the agent's tasks; the category stays the confirmed one. */
    public void recordTier(String caseId, String tier) {
        check("tier", tier, ComplaintLifecycle.Tier.ALL);
        update(
                caseId,
                jdbc.sql("UPDATE cd_complaint SET tier = :tier WHERE id = :id").param("tier", tier));
    }

    /** T4: when the customer first got an answer; a later answer does not move it. */
    public void recordFirstResponse(String caseId, OffsetDateTime at) {
        int updated = jdbc.sql(
                        "UPDATE cd_complaint SET first_responded_at = :at WHERE id = :id AND first_responded_at IS NULL")
                .param("at", at)
                .param("id", caseId)
                .update();
        if (updated == 0) {
            requireCase(caseId);
        }
    }

    /** F7: when the problem was solved. */
    public void recordResolved(String caseId, OffsetDateTime at) {
        update(
                caseId,
                jdbc.sql("UPDATE cd_complaint SET resolved_at = :at WHERE id = :id")
                        .param("at", at));
    }

    /** C2: the option the customer chose ({@code declined} when they want none), its amount, and whether it gave anything. */
    public void recordCompensation(String caseId, String option, BigDecimal amount) {
        recordCompensation(caseId, option, amount, null);
    }

    /**
     * C2, C4: as {@link #recordCompensation(String, String, BigDecimal)}, with the amount's currency (the order's ISO
     * 4217 code, or null when the order named none), so the analytics total compensation per currency.
     */
    public void recordCompensation(String caseId, String option, BigDecimal amount, String currency) {
        check("compensation", option, COMPENSATIONS);
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("compensation amount must not be negative, not " + amount);
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("compensation currency must be an ISO 4217 code, not " + currency);
        }
        update(
                caseId,
                jdbc.sql(
                                """
                UPDATE cd_complaint SET compensation = :option, compensation_amount = :amount, compensation_given = :given,
                                        compensation_currency = :currency
                 WHERE id = :id
                """)
                        .param("option", option)
                        .param("amount", amount)
                        .param("currency", currency)
                        .param("given", option != null && !NO_COMPENSATION.contains(option)));
    }

    /** R3–R5: {@code updated}, {@code declined}, or {@code no_answer} when the customer never replied. */
    public void recordReviewOutcome(String caseId, String outcome) {
        check("review outcome", outcome, REVIEW_OUTCOMES);
        update(
                caseId,
                jdbc.sql("UPDATE cd_complaint SET review_outcome = :outcome WHERE id = :id")
                        .param("outcome", outcome));
    }

    /** A1, A4: closes the case with its final root cause, what was done and how the customer felt about it. */
    public void recordClosure(
            String caseId, String rootCause, String resolutionSummary, String satisfaction, OffsetDateTime closedAt) {
        check("root cause", rootCause, ROOT_CAUSES);
        check("satisfaction", satisfaction, SATISFACTIONS);
        update(
                caseId,
                jdbc.sql(
                                """
                UPDATE cd_complaint
                   SET root_cause = :rootCause, resolution_summary = :summary, satisfaction = :satisfaction,
                       closed_at = :closedAt, status = :status
                 WHERE id = :id
                """)
                        .param("rootCause", rootCause)
                        .param("summary", resolutionSummary)
                        .param("satisfaction", satisfaction)
                        .param("closedAt", closedAt)
                        .param("status", CLOSED));
    }

    public Optional<CaseSummary> summary(String caseId) {
        return jdbc.sql(
                        """
                SELECT id, channel, external_id, status, tier, category, first_responded_at, resolved_at, closed_at,
                       root_cause, resolution_summary, satisfaction, compensation, compensation_amount, review_outcome
                  FROM cd_complaint
                 WHERE id = :id
                """)
                .param("id", caseId)
                .query(CaseRecords::map)
                .optional();
    }

    private void update(String caseId, JdbcClient.StatementSpec statement) {
        if (statement.param("id", caseId).update() == 0) {
            throw noCase(caseId);
        }
    }

    private void requireCase(String caseId) {
        long cases = jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE id = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
        if (cases == 0) {
            throw noCase(caseId);
        }
    }

    private static IllegalArgumentException noCase(String caseId) {
        return new IllegalArgumentException("No case with id " + caseId);
    }

    // Null is allowed (not known yet); anything else must be one of the shared keys.
    private static void check(String what, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(what + " must be one of " + allowed + ", not " + value);
        }
    }

    private static CaseSummary map(ResultSet rs, int row) throws SQLException {
        return new CaseSummary(
                rs.getString("id"),
                rs.getString("channel"),
                rs.getString("external_id"),
                rs.getString("status"),
                rs.getString("tier"),
                rs.getString("category"),
                utc(rs.getObject("first_responded_at", OffsetDateTime.class)),
                utc(rs.getObject("resolved_at", OffsetDateTime.class)),
                utc(rs.getObject("closed_at", OffsetDateTime.class)),
                rs.getString("root_cause"),
                rs.getString("resolution_summary"),
                rs.getString("satisfaction"),
                rs.getString("compensation"),
                rs.getBigDecimal("compensation_amount"),
                rs.getString("review_outcome"));
    }
}
