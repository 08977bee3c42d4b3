package com.complaintdesk.channel;

import static com.complaintdesk.common.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends every reply, message and platform action of a case (P, F, C, R, T1) through the first
 * {@link ChannelGateway} that handles its channel, and keeps a row per message ({@code cd_outbound_message}), once
 * per idempotency key. The step that sends runs as an engine job, so the job is the outbox's delivery: written in
 * the transaction of the step before it, run asynchronously, retried with growing pauses.
 *
 * <p>No platform takes an idempotency key, so a message is posted at most once by bookkeeping of our own, each part
 * committed on its own, outside the job's transaction: before the platform is called the row is marked
 * {@value #SENDING} (and its attempt counted); as soon as the platform answers it is marked {@value #DELIVERED} with
 * the platform's reference. A job that then fails or a node that dies before the job commits leaves a delivered
 * row, which its retry returns without calling the platform. A node that dies while the platform is being called,
 * or an answer lost to a timeout, leaves a {@value #SENDING} row: the retry first asks the gateway to
 * {@link ChannelGateway#check look on the platform}, and when the platform cannot tell, it sends nothing and a
 * person decides ({@code delivery-failure}).
 */
@Service
public class Outbox {

    public static final String PENDING = "pending";
    /** The platform is being called, or was, and its answer is not recorded: it may have posted the message. */
    public static final String SENDING = "sending";

    public static final String DELIVERED = "delivered";
    /** Done by a person outside the platform's API after delivery failed (the reference names who). */
    public static final String MANUAL = "manual";

    private static final int ERROR_LENGTH = 2000;

    private static final String SELECT =
            """
            SELECT id, case_id, channel, kind, surface, recipient, text, idempotency_key, status, platform_ref,
                   created_at, delivered_at
              FROM cd_outbound_message
            """;

    private final JdbcClient jdbc;
    private final List<ChannelGateway> gateways;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            List<ChannelGateway> gateways) {
        this.jdbc = jdbc;
        this.events = events;
        this.gateways = inOrder(gateways);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Clock.systemUTC();
    }

    /** {@link #send(OutboundMessage, String)} for a message no process step sends. */
    public Delivery send(OutboundMessage m) {
        return send(m, null);
    }

    /**
     * Delivers {@code m} once per idempotency key: a repeat of a delivered key returns the earlier delivery
     * without calling the platform again, and a repeat of a key whose send was interrupted looks on the platform
     * first.
     *
     * @param step the process step sending it ({@code <process instance id>:<activity id>}), so that a person can
     *        later {@link #confirmNotDelivered confirm} its interrupted send; null when no step sends it
     * @throws ChannelException when the platform refuses or fails, or when it cannot tell whether an interrupted
     *         send arrived (then {@link ChannelException#refused()}: a person must look)
     * @throws IllegalArgumentException when the key was already used for another case
     */
    public Delivery send(OutboundMessage m, String step) {
        ChannelGateway gateway = gatewayFor(m.channel());
        Attempt attempt = inOwnTransaction(() -> begin(m, step));
        if (attempt.done() != null) {
            return attempt.done();
        }
        if (attempt.interrupted() != null) {
            DeliveryCheck check = gateway.check(m);
            switch (check.state()) {
                case FOUND -> {
                    return inOwnTransaction(() -> delivered(attempt.interrupted(), check.platformRef()));
                }
                case UNKNOWN -> throw ChannelException.refused(unknownOutcome(attempt.interrupted(), check.reason()));
                case ABSENT -> {} // the interrupted send never arrived: send it now
            }
        }
        inOwnTransaction(() -> startAttempt(attempt.entry(), attempt.attempts()));
        String platformRef;
        try {
            platformRef = gateway.deliver(m);
        } catch (RuntimeException failure) {
            ChannelException channel = ChannelException.in(failure);
            boolean maybePosted = channel == null || channel.outcomeUnknown();
            inOwnTransaction(() -> failedAttempt(attempt.entry(), maybePosted, failure));
            throw failure;
        }
        return inOwnTransaction(() -> delivered(attempt.entry(), platformRef));
    }

    /**
     * Records that a person delivered {@code m} by hand after the platform kept failing: the message is kept
     * with status {@value #MANUAL} and nothing is sent. A key already delivered stays as it was.
     */
    @Transactional
    public Delivery recordManual(OutboundMessage m, String step, String by) {
        Optional<OutboxEntry> existing = byIdempotencyKey(m.idempotencyKey());
        if (existing.isPresent() && isDone(existing.get())) {
            return delivery(existing.get());
        }
        String id = existing.map(OutboxEntry::id).orElseGet(() -> insertPending(m, step));
        OffsetDateTime at = now();
        String ref = MANUAL + ":" + by;
        jdbc.sql(
                        "UPDATE cd_outbound_message SET status = :status, platform_ref = :ref, delivered_at = :at WHERE id = :id")
                .param("status", MANUAL)
                .param("ref", ref)
                .param("at", at)
                .param("id", id)
                .update();
        announce(m.idempotencyKey());
        return new Delivery(id, ref, MANUAL, at);
    }

    /**
     * A person looked on the platform and did not find what {@code step} was sending when it was interrupted: its
     * message may be sent again. Committed at once, whatever happens to the caller's transaction.
     *
     * @return how many messages may be sent again (0 when the step was not interrupted)
     */
    public int confirmNotDelivered(String step, String by) {
        return inOwnTransaction(() -> jdbc.sql(
                        """
                UPDATE cd_outbound_message SET status = :pending, last_error = :note
                 WHERE step = :step AND status = :sending
                """)
                .param("pending", PENDING)
                .param("note", limit("not on the platform, checked by " + by + " at " + now()))
                .param("step", step)
                .param("sending", SENDING)
                .update());
    }

    /** The step a process activity sends from, as {@link #send(OutboundMessage, String)} records it. */
    public static String step(String processInstanceId, String activityId) {
        return processInstanceId + ":" + activityId;
    }

    /** Where a send stands before the platform is called: done already, interrupted earlier, or to be sent. */
    private record Attempt(OutboxEntry entry, int attempts, Delivery done, OutboxEntry interrupted) {}

    private Attempt begin(OutboundMessage m, String step) {
        Optional<OutboxEntry> existing = byIdempotencyKey(m.idempotencyKey());
        if (existing.isPresent() && !existing.get().caseId().equals(m.caseId())) {
            throw new IllegalArgumentException("Idempotency key " + m.idempotencyKey() + " was already used for case "
                    + existing.get().caseId() + ", not " + m.caseId());
        }
        if (existing.isEmpty()) {
            insertPending(m, step);
            return new Attempt(byIdempotencyKey(m.idempotencyKey()).orElseThrow(), 0, null, null);
        }
        OutboxEntry entry = existing.get();
        if (isDone(entry)) {
            return new Attempt(entry, 0, delivery(entry), null);
        }
        return new Attempt(entry, details(entry.id()).attempts(), null, SENDING.equals(entry.status()) ? entry : null);
    }

    /**
     * Marks the attempt as started. Only one caller wins a given attempt (the count must still be the one it read),
     * so two nodes running the same job after an expired lock do not both call the platform.
     */
    private Void startAttempt(OutboxEntry entry, int attemptsSeen) {
        int won = jdbc.sql(
                        """
                UPDATE cd_outbound_message SET status = :sending, attempts = attempts + 1, last_attempt_at = :at
                 WHERE id = :id AND attempts = :attempts AND status IN (:open)
                """)
                .param("sending", SENDING)
                .param("at", now())
                .param("id", entry.id())
                .param("attempts", attemptsSeen)
                .param("open", List.of(PENDING, SENDING))
                .update();
        if (won == 0) {
            throw new ChannelException("Message " + entry.idempotencyKey() + " is being sent by another attempt");
        }
        return null;
    }

    private Void failedAttempt(OutboxEntry entry, boolean maybePosted, RuntimeException failure) {
        jdbc.sql(
                        "UPDATE cd_outbound_message SET status = :status, last_error = :error WHERE id = :id AND status = :sending")
                .param("status", maybePosted ? SENDING : PENDING)
                .param("error", limit(String.valueOf(failure.getMessage())))
                .param("id", entry.id())
                .param("sending", SENDING)
                .update();
        return null;
    }

    private Delivery delivered(OutboxEntry entry, String platformRef) {
        OffsetDateTime deliveredAt = now();
        jdbc.sql(
                        "UPDATE cd_outbound_message SET status = :status, platform_ref = :ref, delivered_at = :at WHERE id = :id")
                .param("status", DELIVERED)
                .param("ref", platformRef)
                .param("at", deliveredAt)
                .param("id", entry.id())
                .update();
        announce(entry.idempotencyKey());
        return new Delivery(entry.id(), platformRef, DELIVERED, deliveredAt);
    }

    private String unknownOutcome(OutboxEntry entry, String reason) {
        Details details = details(entry.id());
        return "The " + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " for case " + entry.caseId()
                + " may already be on " + entry.channel() + ": attempt " + details.attempts() + " at "
                + details.lastAttemptAt() + " was interrupted before the platform's answer was recorded ("
                + details.lastError() + "), and " + reason + ". Look on " + entry.channel()
                + ": if it is there, choose \"It is there, or I delivered it by hand\"; if it is not, choose "
                + "\"Try again now\".";
    }

    private record Details(int attempts, OffsetDateTime lastAttemptAt, String lastError) {}

    private Details details(String id) {
        return jdbc.sql("SELECT attempts, last_attempt_at, last_error FROM cd_outbound_message WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Details(
                        rs.getInt("attempts"),
                        utc(rs.getObject("last_attempt_at", OffsetDateTime.class)),
                        rs.getString("last_error") == null ? "no answer recorded" : rs.getString("last_error")))
                .single();
    }

    /**
     * Tells the listeners (the evidence store, X4) in the transaction that marks the row: if one of them fails, the
     * row stays as it was and the retry finds the send interrupted, so nothing is posted twice for it.
     */
    private void announce(String idempotencyKey) {
        events.publishEvent(
                new MessageDelivered(byIdempotencyKey(idempotencyKey).orElseThrow()));
    }

    private static boolean isDone(OutboxEntry entry) {
        return DELIVERED.equals(entry.status()) || MANUAL.equals(entry.status());
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private static String limit(String text) {
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
    }

    /** Everything sent for a case, oldest first. */
    public List<OutboxEntry> forCase(String caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :caseId ORDER BY created_at, id")
                .param("caseId", caseId)
                .query(Outbox::map)
                .list();
    }

    private String insertPending(OutboundMessage m, String step) {
        String id = UUID.randomUUID().toString();
        jdbc.sql(
                        """
                INSERT INTO cd_outbound_message (id, case_id, channel, kind, surface, recipient, text, idempotency_key,
                                                 status, created_at, attempts, step)
                VALUES (:id, :caseId, :channel, :kind, :surface, :recipient, :text, :key, :status, :createdAt, 0, :step)
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
                .param("step", step)
                .update();
        return id;
    }

    private ChannelGateway gatewayFor(String channel) {
        return first(gateways, channel)
                .orElseThrow(() -> new IllegalStateException("No channel gateway handles " + channel));
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
        return jdbc.sql(SELECT + " WHERE idempotency_key = :key")
                .param("key", key)
                .query(Outbox::map)
                .optional();
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
