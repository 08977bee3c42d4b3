package com.complaintdesk.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The latest engagement of each case's post and its rate window ({@code cd_engagement}). */
@Repository
class EngagementRecords {

    /** What is kept per case: the highest counts so far, when they were observed, and the rate window's start. */
    record Stored(Engagement counts, OffsetDateTime observedAt, EngagementWindow.Point windowStart) {}

    private final JdbcClient jdbc;

    EngagementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's row, locked until the transaction ends, so updates of one case take turns. */
    Optional<Stored> lock(String caseId) {
        return jdbc.sql(
                        """
                SELECT likes, shares, comments, observed_at, window_shares, window_comments, window_started_at
                  FROM cd_engagement
                 WHERE case_id = :caseId
                   FOR UPDATE
                """)
                .param("caseId", caseId)
                .query(EngagementRecords::map)
                .optional();
    }

    /** The first observation of a case; a concurrent first one makes this fail on the primary key. */
    void insert(String caseId, Stored stored) {
        jdbc.sql(
                        """
                INSERT INTO cd_engagement (case_id, likes, shares, comments, observed_at,
                                           window_shares, window_comments, window_started_at)
                VALUES (:caseId, :likes, :shares, :comments, :observedAt, :windowShares, :windowComments, :windowStartedAt)
                """)
                .params(params(caseId, stored))
                .update();
    }

    void update(String caseId, Stored stored) {
        jdbc.sql(
                        """
                UPDATE cd_engagement
                   SET likes = :likes, shares = :shares, comments = :comments, observed_at = :observedAt,
                       window_shares = :windowShares, window_comments = :windowComments,
                       window_started_at = :windowStartedAt
                 WHERE case_id = :caseId
                """)
                .params(params(caseId, stored))
                .update();
    }

    private static Map<String, Object> params(String caseId, Stored s) {
        return Map.of(
                "caseId", caseId,
                "likes", s.counts().likes(),
                "shares", s.counts().shares(),
                "comments", s.counts().comments(),
                "observedAt", s.observedAt(),
                "windowShares", s.windowStart().shares(),
                "windowComments", s.windowStart().comments(),
                "windowStartedAt", s.windowStart().at().atOffset(ZoneOffset.UTC));
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                new Engagement(rs.getInt("likes"), rs.getInt("shares"), rs.getInt("comments")),
                rs.getObject("observed_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                new EngagementWindow.Point(
                        rs.getInt("window_shares"),
                        rs.getInt("window_comments"),
                        rs.getObject("window_started_at", OffsetDateTime.class).toInstant()));
    }
}
