package com.complaintdesk.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case records written straight into {@code cd_complaint} with exact categories and post times, in a year of their own
 * far ahead (from a year in 2200–2799 chosen per run, one after the other): reports over its weeks, months and quarters see these cases and no other
 * test's (the application tests share one database, which PostgreSQL keeps between runs).
 */
final class InsightsCases {

    /** This JVM's first year; each set of cases takes the next one, so two tests never share a year. */
    private static final AtomicInteger NEXT_YEAR =
            new AtomicInteger(2200 + ThreadLocalRandom.current().nextInt(600));

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final int year = NEXT_YEAR.getAndIncrement();

    private final JdbcClient jdbc;
    private int sequence;

    InsightsCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first Monday of the year's January: weeks from here are whole weeks of the year. */
    LocalDate firstMonday() {
        return LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** A case record as the lifecycle leaves it; returns its id. */
    String insert(
            OffsetDateTime postedAt, String tier, String category, String rootCause, String productSku, String text) {
        String id = UUID.randomUUID().toString();
        String externalId = "ins-" + run + "-" + (++sequence);
        jdbc.sql(
                        """
                INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, language, text,
                                          customer_id, payload, tier, category, status, root_cause, product_sku)
                VALUES (:id, 'ebay', :externalId, :businessKey, :postedAt, :postedAt, 'en', :text,
                        'cust-ins', '{}', :tier, :category, 'closed', :rootCause, :sku)
                """)
                .param("id", id)
                .param("externalId", externalId)
                .param("businessKey", businessKey(externalId))
                .param("postedAt", postedAt)
                .param("text", text)
                .param("tier", tier)
                .param("category", category)
                .param("rootCause", rootCause)
                .param("sku", productSku)
                .update();
        return id;
    }

    String businessKeyOf(String caseId) {
        return jdbc.sql("SELECT business_key FROM cd_complaint WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
    }

    static String businessKey(String externalId) {
        return "ebay:" + externalId;
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }
}
