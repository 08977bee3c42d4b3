package com.complaintdesk.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case records written straight into {@code cd_complaint}, as intake and the lifecycle leave them, on one day of
 * their own long ago: a search limited to that day sees these cases and no other test's (the application tests
 * share one database). Ids carry the run, so a database kept between runs holds no clashing ones.
 */
final class SeededCases {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** The day the cases were posted on (UTC), somewhere in 2001–2014. */
    final LocalDate day =
            LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5000));

    private final JdbcClient jdbc;

    SeededCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OffsetDateTime at(int hour, int minute) {
        return day.atTime(hour, minute).atOffset(ZoneOffset.UTC);
    }

    /** The query parameters that limit a search to this day. */
    String window() {
        return "from=" + day + "&to=" + day;
    }

    /** A case posted at {@code hour}:00 of the day; the builder's values are those of a closed T3 case. */
    Builder posted(int hour, String channel, String externalId) {
        return new Builder(at(hour, 0), channel, externalId + "-" + run);
    }

    final class Builder {
        final String id = UUID.randomUUID().toString();
        final OffsetDateTime postedAt;
        final String channel;
        final String externalId;
        String customerId = "cust-x";
        String customerName;
        String orderId;
        String text = "The mug arrived broken.";
        String tier = "T3";
        String category = "other";
        String status = "closed";
        boolean slaBreached;
        String compensation;
        BigDecimal compensationAmount;
        String reviewOutcome;

        Builder(OffsetDateTime postedAt, String channel, String externalId) {
            this.postedAt = postedAt;
            this.channel = channel;
            this.externalId = externalId;
        }

        Builder customer(String id, String name) {
            customerId = id + "-" + run;
            customerName = name == null ? null : name + " " + run;
            return this;
        }

        Builder order(String id) {
            orderId = id + "-" + run;
            return this;
        }

        Builder text(String value) {
            text = value;
            return this;
        }

        Builder triage(String tierKey, String categoryKey) {
            tier = tierKey;
            category = categoryKey;
            return this;
        }

        Builder open() {
            status = "open";
            return this;
        }

        Builder breached() {
            slaBreached = true;
            return this;
        }

        Builder compensation(String option, String amount) {
            compensation = option;
            compensationAmount = amount == null ? null : new BigDecimal(amount);
            return this;
        }

        Builder review(String outcome) {
            reviewOutcome = outcome;
            return this;
        }

        /** Stores the case; returns its external id. */
        String insert() {
            jdbc.sql(
                            """
                    INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, language, text,
                                              customer_id, customer_name, order_id, payload, tier, category, status,
                                              sla_breached, compensation, compensation_amount, compensation_given,
                                              review_outcome, closed_at)
                    VALUES (:id, :channel, :externalId, :businessKey, :postedAt, :receivedAt, 'en', :text,
                            :customerId, :customerName, :orderId, :payload, :tier, :category, :status,
                            :slaBreached, :compensation, :amount, :given, :reviewOutcome, :closedAt)
                    """)
                    .param("id", id)
                    .param("channel", channel)
                    .param("externalId", externalId)
                    .param("businessKey", channel + ":" + externalId)
                    .param("postedAt", postedAt)
                    .param("receivedAt", postedAt.plusMinutes(1))
                    .param("text", text)
                    .param("customerId", customerId)
                    .param("customerName", customerName)
                    .param("orderId", orderId)
                    .param("payload", "{\"channel\":\"" + channel + "\",\"externalId\":\"" + externalId + "\"}")
                    .param("tier", tier)
                    .param("category", category)
                    .param("status", status)
                    .param("slaBreached", slaBreached)
                    .param("compensation", compensation)
                    .param("amount", compensationAmount)
                    .param(
                            "given",
                            compensation != null && !compensation.equals("none") && !compensation.equals("declined"))
                    .param("reviewOutcome", reviewOutcome)
                    .param("closedAt", "closed".equals(status) ? postedAt.plusDays(1) : null)
                    .update();
            return externalId;
        }
    }
}
