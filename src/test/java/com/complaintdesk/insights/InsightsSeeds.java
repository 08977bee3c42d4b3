package com.complaintdesk.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case records, their SLA clock events, outbox messages and review totals written straight into the application's
 * tables with exact times, as intake, the lifecycle and the channels leave them, within one year of their own (the
 * application tests share one database, and on PostgreSQL it outlives the run). {@link #clean()} removes everything
 * of that year, before (a run that died half-way) and after.
 */
final class InsightsSeeds {

    final int year;
    final ZoneId zone;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    private final JdbcClient jdbc;
    private int next;

    InsightsSeeds(JdbcClient jdbc, int year, ZoneId zone) {
        this.jdbc = jdbc;
        this.year = year;
        this.zone = zone;
    }

    /** A time of the seed year in the seeds' zone. */
    OffsetDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(zone)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Deletes every case posted in the seed year (with its events and messages) and the year's review totals. */
    void clean() {
        OffsetDateTime from =
                LocalDate.of(year, 1, 1).minusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to =
                LocalDate.of(year + 1, 1, 1).plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        for (String table : List.of("cd_sla_event", "cd_outbound_message")) {
            jdbc.sql(
                            "DELETE FROM " + table
                                    + " WHERE case_id IN (SELECT id FROM cd_complaint WHERE posted_at >= :from AND posted_at < :to)")
                    .param("from", from)
                    .param("to", to)
                    .update();
        }
        jdbc.sql("DELETE FROM cd_complaint WHERE posted_at >= :from AND posted_at < :to")
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("DELETE FROM cd_review_total WHERE review_day >= :from AND review_day < :to")
                .param("from", from.toLocalDate())
                .param("to", to.toLocalDate())
                .update();
    }

    /** A case posted at the given local time; the builder starts as an untriaged open case with nothing done. */
    Case posted(int month, int day, int hour, int minute, String channel) {
        return new Case(at(month, day, hour, minute), channel);
    }

    void reviewTotal(String channel, int month, int day, int reviews) {
        jdbc.sql(
                        """
                INSERT INTO cd_review_total (channel, review_day, reviews, recorded_by, recorded_at)
                VALUES (:channel, :day, :reviews, 'olga', :at)
                """)
                .param("channel", channel)
                .param("day", LocalDate.of(year, month, day))
                .param("reviews", reviews)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    final class Case {
        final String id = UUID.randomUUID().toString();
        final OffsetDateTime postedAt;
        final String channel;
        String tier;
        String category;
        String rootCause;
        OffsetDateTime firstRespondedAt;
        OffsetDateTime resolvedAt;
        String compensation;
        BigDecimal compensationAmount;
        String compensationCurrency;
        String reviewOutcome;
        final List<String[]> slaEvents = new ArrayList<>();
        final List<String[]> messages = new ArrayList<>();

        Case(OffsetDateTime postedAt, String channel) {
            this.postedAt = postedAt;
            this.channel = channel;
        }

        Case triage(String tierKey, String categoryKey) {
            tier = tierKey;
            category = categoryKey;
            return this;
        }

        Case rootCause(String key) {
            rootCause = key;
            return this;
        }

        /** Answered {@code seconds} after it was posted. */
        Case respondedAfter(long seconds) {
            firstRespondedAt = postedAt.plusSeconds(seconds);
            return this;
        }

        Case resolvedAfter(long seconds) {
            resolvedAt = postedAt.plusSeconds(seconds);
            return this;
        }

        Case compensation(String option, String amount, String currency) {
            compensation = option;
            compensationAmount = amount == null ? null : new BigDecimal(amount);
            compensationCurrency = currency;
            return this;
        }

        Case review(String outcome) {
            reviewOutcome = outcome;
            return this;
        }

        /** SLA clock events ({@code clock}, {@code event}) in the order given, an hour apart, with the case's tier. */
        Case sla(String... clockEvents) {
            for (int i = 0; i < clockEvents.length; i += 2) {
                slaEvents.add(new String[] {clockEvents[i], clockEvents[i + 1]});
            }
            return this;
        }

        /** An outbox message of the kind ({@code MessageKind} name) in the status. */
        Case message(String kind, String status) {
            messages.add(new String[] {kind, status});
            return this;
        }

        String insert() {
            String externalId = "insights-" + run + "-" + (++next);
            jdbc.sql(
                            """
                    INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, language, text,
                                              customer_id, payload, tier, category, status, root_cause, first_responded_at,
                                              resolved_at, compensation, compensation_amount, compensation_currency,
                                              compensation_given, review_outcome)
                    VALUES (:id, :channel, :externalId, :businessKey, :postedAt, :postedAt, 'en', 'The parcel arrived crushed.',
                            'cust', '{}', :tier, :category, :status, :rootCause, :firstRespondedAt,
                            :resolvedAt, :compensation, :amount, :currency, :given, :reviewOutcome)
                    """)
                    .param("id", id)
                    .param("channel", channel)
                    .param("externalId", externalId)
                    .param("businessKey", channel + ":" + externalId)
                    .param("postedAt", postedAt)
                    .param("tier", tier)
                    .param("category", category)
                    .param("status", rootCause == null ? "open" : "closed")
                    .param("rootCause", rootCause)
                    .param("firstRespondedAt", firstRespondedAt)
                    .param("resolvedAt", resolvedAt)
                    .param("compensation", compensation)
                    .param("amount", compensationAmount)
                    .param("currency", compensationCurrency)
                    .param(
                            "given",
                            compensation != null && !compensation.equals("none") && !compensation.equals("declined"))
                    .param("reviewOutcome", reviewOutcome)
                    .update();
            for (int i = 0; i < slaEvents.size(); i++) {
                jdbc.sql(
                                """
                        INSERT INTO cd_sla_event (id, case_id, clock, event, tier, due_at, occurred_at)
                        VALUES (:id, :caseId, :clock, :event, :tier, :at, :at)
                        """)
                        .param("id", UUID.randomUUID().toString())
                        .param("caseId", id)
                        .param("clock", slaEvents.get(i)[0])
                        .param("event", slaEvents.get(i)[1])
                        .param("tier", tier)
                        .param("at", postedAt.plusHours(i))
                        .update();
            }
            for (String[] m : messages) {
                jdbc.sql(
                                """
                        INSERT INTO cd_outbound_message (id, case_id, channel, kind, surface, text, idempotency_key, status,
                                                         created_at, delivered_at)
                        VALUES (:id, :caseId, :channel, :kind, 'private', 'Would you update your review?', :key, :status,
                                :at, :deliveredAt)
                        """)
                        .param("id", UUID.randomUUID().toString())
                        .param("caseId", id)
                        .param("channel", channel)
                        .param("kind", m[0])
                        .param("key", "insights-" + UUID.randomUUID())
                        .param("status", m[1])
                        .param("at", postedAt.plusDays(1))
                        .param("deliveredAt", "delivered".equals(m[1]) ? postedAt.plusDays(1) : null)
                        .update();
            }
            return id;
        }
    }
}
