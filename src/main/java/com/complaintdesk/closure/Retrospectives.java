package com.complaintdesk.closure;

import static com.complaintdesk.common.Timestamps.utc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A4: the retrospective held after a T1/T2 case: a {@code systemic} cause changes the process, an
 * {@code individual} one leads to coaching, and a typical case can become training material. One per case; a
 * second one for the same case is refused by the database's unique constraint.
 */
@Repository
public class Retrospectives {

    public static final String SYSTEMIC = "systemic";
    public static final String INDIVIDUAL = "individual";

    private final JdbcClient jdbc;

    Retrospectives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            String caseId,
            String cause,
            String findings,
            String action,
            boolean trainingCase,
            String heldBy,
            OffsetDateTime at) {
        if (!List.of(SYSTEMIC, INDIVIDUAL).contains(cause)) {
            throw new IllegalArgumentException("cause must be systemic or individual, not " + cause);
        }
        jdbc.sql(
                        """
                INSERT INTO cd_retrospective (id, case_id, cause, findings, action, training_case, held_by, held_at)
                VALUES (:id, :caseId, :cause, :findings, :action, :trainingCase, :heldBy, :heldAt)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("caseId", caseId)
                .param("cause", cause)
                .param("findings", findings)
                .param("action", action)
                .param("trainingCase", trainingCase)
                .param("heldBy", heldBy)
                .param("heldAt", at)
                .update();
    }

    /** The case's retrospective, if one was held (for auditors' case files). */
    public Optional<Retrospective> forCase(String caseId) {
        return jdbc.sql(
                        """
                SELECT case_id, cause, findings, action, training_case, held_by, held_at
                  FROM cd_retrospective
                 WHERE case_id = :caseId
                """)
                .param("caseId", caseId)
                .query((rs, row) -> new Retrospective(
                        rs.getString("case_id"),
                        rs.getString("cause"),
                        rs.getString("findings"),
                        rs.getString("action"),
                        rs.getBoolean("training_case"),
                        rs.getString("held_by"),
                        utc(rs.getObject("held_at", OffsetDateTime.class))))
                .optional();
    }
}
