package com.complaintdesk.channel;

import static com.complaintdesk.common.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends every reply, message and platform action of a case (P, F, C, R, T1) through the first
 * {@link ChannelGateway} that handles its channel, and keeps a row per message. Idempotent on the message's key:
 * a message already delivered is not delivered again. Runs in the caller's transaction (an engine job's), so a
 * {@link ChannelException} rolls the row back with the job, and the job's retry sends it again.
 */
@Service
public class Outbox {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    /** Done by a person outside the platform's API after delivery failed (the reference names who). */
    public static final String MANUAL = "manual";

    private static final String SELECT = """
            SELECT id, case_id, channel, kind, surface, recipient, text, idempotency_key, status, platform_ref,
                   created_at, delivered_at
              FROM cd_outbound_message
            """;

    private final JdbcClient jdbc;
    private final List<ChannelGateway> gateways;
    private final Clock clock;

    Outbox(JdbcClient jdbc, List<ChannelGateway> gateways) {
        this.jdbc = jdbc;
        this.gateways = inOrder(gateways);
        this.clock = Clock.systemUTC();
    }

    /**
     * Delivers {@code m} once per idempotency key: a repeat of a delivered key returns the earlier delivery
     * without calling the platform again.
     *
     * @throws ChannelException when the platform refuses or fails; the caller's transaction then rolls back
     * @throws IllegalArgumentException when the key was already used for another case
     */
    @Transactional
    public Delivery send(OutboundMessage m) {
        Optional<OutboxEntry> existing = byIdempotencyKey(m.idempotencyKey());
        if (existing.isPresent() && !existing.get().caseId().equals(m.caseId())) {
            throw new IllegalArgumentException("Idempotency key " + m.idempotencyKey() + " was already used for case "
                    + existing.get().caseId() + ", not " + m.caseId());
        }
        if (existing.isPresent() && DELIVERED.equals(existing.get().status())) {
            return delivery(existing.get());
        }
        String id = existing.map(OutboxEntry::id).orElseGet(() -> insertPending(m));
        String platformRef = gatewayFor(m.channel()).deliver(m);
        OffsetDateTime deliveredAt = now();
        jdbc.sql("UPDATE cd_outbound_message SET status = :status, platform_ref = :ref, delivered_at = :at WHERE id = :id")
                .param("status", DELIVERED)
                .param("ref", platformRef)
                .param("at", deliveredAt)
                .param("id", id)
                .update();
        return new Delivery(id, platformRef, DELIVERED, deliveredAt);
    }

    /**
     * Records that a person delivered {@code m} by hand after the platform kept failing: the message is kept
     * with status {@value #MANUAL} and nothing is sent. A key already delivered stays as it was.
     */
    @Transactional
    public Delivery recordManual(OutboundMessage m, String by) {
        Optional<OutboxEntry> existing = byIdempotencyKey(m.idempotencyKey());
        if (existing.isPresent() && !PENDING.equals(existing.get().status())) {
            return delivery(existing.get());
        }
        String id = existing.map(OutboxEntry::id).orElseGet(() -> insertPending(m));
        OffsetDateTime at = now();
        String ref = MANUAL + ":" + by;
        jdbc.sql("UPDATE cd_outbound_message SET status = :status, platform_ref = :ref, delivered_at = :at WHERE id = :id")
                .param("status", MANUAL)
                .param("ref", ref)
                .param("at", at)
                .param("id", id)
                .update();
        return new Delivery(id, ref, MANUAL, at);
    }

    /** Everything sent for a case, oldest first. */
    public List<OutboxEntry> forCase(String caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :caseId ORDER BY created_at, id")
                .param("caseId", caseId)
                .query(Outbox::map)
                .list();
    }

    private String insertPending(OutboundMessage m) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO cd_outbound_message (id, case_id, channel, kind, surface, recipient, text, idempotency_key,
                                                 status, created_at)
                VALUES (:id, :caseId, :channel, :kind, :surface, :recipient, :text, :key, :status, :createdAt)
                """)
                .param("id", id)
                .param("caseId", m.caseId())
                .param("channel", m.channel())
                .param("kind", m.kind().name())
                .param("surface", m.surface())
                .param("recipient", m.recipient())
                .param("text", m.text())
                .param("key", m.idempotencyKey())
                .param("status", PENDING)
                .param("createdAt", now())
                .update();
        return id;
    }

    private ChannelGateway gatewayFor(String channel) {
        return first(gateways, channel).orElseThrow(() -> new IllegalStateException("No channel gateway handles " + channel));
    }

    /** The gateways in the order the outbox asks them: real adapters before the sandbox, which handles every channel. */
    static List<ChannelGateway> inOrder(List<ChannelGateway> gateways) {
        return gateways.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
    }

    /** The gateway that delivers a channel's messages: the first of {@code inOrder} that handles it. */
    static Optional<ChannelGateway> first(List<ChannelGateway> inOrder, String channel) {
        return inOrder.stream().filter(gateway -> gateway.handles(channel)).findFirst();
    }

    private Optional<OutboxEntry> byIdempotencyKey(String key) {
        return jdbc.sql(SELECT + " WHERE idempotency_key = :key").param("key", key).query(Outbox::map).optional();
    }

    private static Delivery delivery(OutboxEntry e) {
        return new Delivery(e.id(), e.platformRef(), e.status(), e.deliveredAt());
    }

    // Microseconds: what both databases keep, so a time read back equals the one returned when sending.
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getString("channel"),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("surface"),
                rs.getString("recipient"),
                rs.getString("text"),
                rs.getString("idempotency_key"),
                rs.getString("status"),
                rs.getString("platform_ref"),
                utc(rs.getObject("created_at", OffsetDateTime.class)),
                utc(rs.getObject("delivered_at", OffsetDateTime.class)));
    }
}
