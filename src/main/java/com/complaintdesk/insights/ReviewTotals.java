package com.complaintdesk.insights;

import static com.complaintdesk.common.Timestamps.utc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A5: the channels' daily review totals ({@code cd_review_total}). Channels do not all report how many reviews they
 * got, so owners record them; the negative-review share divides a period's cases by these totals.
 */
@Repository
public class ReviewTotals {

    /** The most reviews a channel can be recorded with for one day. */
    public static final int MAX_REVIEWS = 10_000_000;

    private final JdbcClient jdbc;

    ReviewTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the day's total for the channel, replacing the one recorded before; returns what is stored now. */
    public ReviewTotal record(String channel, LocalDate day, int reviews, String by, OffsetDateTime at) {
        if (update(channel, day, reviews, by, at) == 0) {
            try {
                jdbc.sql(
                                """
                        INSERT INTO cd_review_total (channel, review_day, reviews, recorded_by, recorded_at)
                        VALUES (:channel, :day, :reviews, :by, :at)
                        """)
                        .param("channel", channel)
                        .param("day", day)
                        .param("reviews", reviews)
                        .param("by", by)
                        .param("at", at)
                        .update();
            } catch (DuplicateKeyException recordedMeanwhile) {
                update(channel, day, reviews, by, at);
            }
        }
        return new ReviewTotal(channel, day, reviews, by, utc(at));
    }

    private int update(String channel, LocalDate day, int reviews, String by, OffsetDateTime at) {
        return jdbc.sql(
                        """
                UPDATE cd_review_total SET reviews = :reviews, recorded_by = :by, recorded_at = :at
                 WHERE channel = :channel AND review_day = :day
                """)
                .param("channel", channel)
                .param("day", day)
                .param("reviews", reviews)
                .param("by", by)
                .param("at", at)
                .update();
    }

    /** The totals recorded for the days {@code from} to {@code to} (both included), by day, then channel. */
    public List<ReviewTotal> between(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                SELECT channel, review_day, reviews, recorded_by, recorded_at
                  FROM cd_review_total
                 WHERE review_day >= :from AND review_day <= :to
                 ORDER BY review_day, channel
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new ReviewTotal(
                        rs.getString("channel"),
                        rs.getObject("review_day", LocalDate.class),
                        rs.getInt("reviews"),
                        rs.getString("recorded_by"),
                        utc(rs.getObject("recorded_at", OffsetDateTime.class))))
                .list();
    }

    /** Per channel, the sum of the totals recorded for the days {@code from} (included) to {@code until} (excluded). */
    Map<String, Long> sums(LocalDate from, LocalDate until) {
        Map<String, Long> sums = new LinkedHashMap<>();
        jdbc.sql(
                        """
                SELECT channel, SUM(reviews) AS reviews
                  FROM cd_review_total
                 WHERE review_day >= :from AND review_day < :until
                 GROUP BY channel
                """)
                .param("from", from)
                .param("until", until)
                .query(rs -> {
                    sums.put(rs.getString("channel"), rs.getLong("reviews"));
                });
        return sums;
    }
}
