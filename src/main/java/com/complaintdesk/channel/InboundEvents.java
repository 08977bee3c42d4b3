package com.complaintdesk.channel;

import static com.complaintdesk.common.Timestamps.utc;

import com.complaintdesk.common.PlainText;
import com.complaintdesk.common.Sha256;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries received from a platform's webhook ({@code cd_inbound_event}), each stored once per
 * (channel, event key) before anything is done with it, and marked processed when all of it was handled.
 */
@Repository
public class InboundEvents {

    /** The longest outcome kept; a long batch's outcome is cut there. */
    static final int MAX_OUTCOME = 4000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public InboundEvents(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A stored delivery; {@code firstSeen} is false when the same event key had been stored before. */
    public record Event(
            String id,
            String channel,
            String eventKey,
            String payload,
            OffsetDateTime receivedAt,
            OffsetDateTime processedAt,
            String outcome,
            boolean firstSeen) {

        public boolean processed() {
            return processedAt != null;
        }
    }

    /** The longest event key kept as it is; a longer one is kept as its digest. */
    static final int MAX_KEY = 255;

    /**
     * Stores the delivery unless its key is known; either way returns the stored one. A key built from a platform's
     * id that cannot be stored as it is (longer than {@value #MAX_KEY} characters, a NUL or another character
     * {@link PlainText} names) is kept as its SHA-256, so the same delivery is still known again.
     */
    public Event record(String channel, String eventKey, String payload, OffsetDateTime receivedAt) {
        eventKey = storableKey(eventKey);
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql(
                            """
                    INSERT INTO cd_inbound_event (id, channel, event_key, payload, received_at)
                    VALUES (:id, :channel, :eventKey, :payload, :receivedAt)
                    """)
                    .param("id", id)
                    .param("channel", channel)
                    .param("eventKey", eventKey)
                    .param("payload", payload)
                    .param("receivedAt", receivedAt)
                    .update();
            return find(channel, eventKey).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            // The same delivery again, possibly racing this one: the first one stored is the record.
            Event known = find(channel, eventKey).orElseThrow(() -> e);
            return new Event(
                    known.id(),
                    known.channel(),
                    known.eventKey(),
                    known.payload(),
                    known.receivedAt(),
                    known.processedAt(),
                    known.outcome(),
                    false);
        }
    }

    /**
     * Says that the delivery concerns this case (it opened it, or brought something about it), so the delivery as
     * the platform sent it is kept with the case's evidence (X4, E6); saying it again for the same case is harmless.
     */
    public void linkToCase(Event event, String caseId) {
        events.publishEvent(new InboundEventLinked(caseId, event));
    }

    /**
     * Marks the delivery as handled, with what was done (cut to {@value #MAX_OUTCOME} characters; a platform's value
     * quoted in it that cannot be stored is written as {@code \\uXXXX}).
     */
    public void processed(String id, String outcome, OffsetDateTime at) {
        outcome = PlainText.visible(outcome);
        String kept = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME - 1) + "…" : outcome;
        jdbc.sql("UPDATE cd_inbound_event SET processed_at = :at, outcome = :outcome WHERE id = :id")
                .param("at", at)
                .param("outcome", kept)
                .param("id", id)
                .update();
    }

    static String storableKey(String eventKey) {
        if (eventKey.length() <= MAX_KEY && PlainText.firstUnstorable(eventKey).isEmpty()) {
            return eventKey;
        }
        return "key-sha256:" + Sha256.hex(PlainText.visible(eventKey));
    }

    public Optional<Event> find(String channel, String eventKey) {
        eventKey = storableKey(eventKey);
        return jdbc.sql(
                        """
                SELECT id, channel, event_key, payload, received_at, processed_at, outcome
                  FROM cd_inbound_event
                 WHERE channel = :channel AND event_key = :eventKey
                """)
                .param("channel", channel)
                .param("eventKey", eventKey)
                .query((rs, row) -> new Event(
                        rs.getString("id"),
                        rs.getString("channel"),
                        rs.getString("event_key"),
                        rs.getString("payload"),
                        utc(rs.getObject("received_at", OffsetDateTime.class)),
                        utc(rs.getObject("processed_at", OffsetDateTime.class)),
                        rs.getString("outcome"),
                        true))
                .optional();
    }
}
