package com.complaintdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.channel.sandbox.SandboxChannelGateway;
import com.complaintdesk.support.AppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@AppTest
class OutboxAppTest {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    com.complaintdesk.evidence.EvidenceStore evidence;

    @Test
    void sendDeliversThroughTheSandboxByDefaultAndKeepsTheMessage() {
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.REPLY,
                OutboundMessage.PUBLIC,
                "@mia.chen",
                "We're very sorry your mug arrived broken, and thank you for telling us.",
                "reply-" + caseId);

        Delivery delivery = outbox.send(reply);

        assertThat(delivery.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(delivery.platformRef()).startsWith("sandbox-");
        assertThat(delivery.deliveredAt()).isNotNull();
        List<OutboxEntry> entries = outbox.forCase(caseId);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(delivery.messageId());
            assertThat(entry.caseId()).isEqualTo(caseId);
            assertThat(entry.channel()).isEqualTo("instagram");
            assertThat(entry.kind()).isEqualTo(MessageKind.REPLY);
            assertThat(entry.surface()).isEqualTo("public");
            assertThat(entry.recipient()).isEqualTo("@mia.chen");
            assertThat(entry.text()).isEqualTo(reply.text());
            assertThat(entry.idempotencyKey()).isEqualTo("reply-" + caseId);
            assertThat(entry.status()).isEqualTo("delivered");
            assertThat(entry.platformRef()).isEqualTo(delivery.platformRef());
            assertThat(entry.deliveredAt()).isEqualTo(delivery.deliveredAt());
            assertThat(entry.createdAt()).isBeforeOrEqualTo(entry.deliveredAt());
        });
    }

    @Test
    void sendWithARepeatedKeyDeliversOnceAndReturnsTheFirstDelivery() {
        RecordingGateway platform = new RecordingGateway();
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage offer = message(caseId, "ebay", MessageKind.COMPENSATION_OFFER, "offer-" + caseId);

        Delivery first = outbox.send(offer);
        Delivery second = outbox.send(offer);

        assertThat(second).isEqualTo(first);
        assertThat(platform.delivered).hasSize(1);
        assertThat(rowsWithKey("offer-" + caseId)).isEqualTo(1);
    }

    @Test
    void sendThatThePlatformFailsKeepsTheMessagePendingWithTheErrorAndTheJobsRetryDeliversOnce() {
        RecordingGateway platform = new RecordingGateway();
        platform.failuresLeft.set(1);
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage message = message(caseId, "wechat", MessageKind.PRIVATE_MESSAGE, "pm-" + caseId);

        assertThatThrownBy(() -> inAJob(() -> outbox.send(message, "pi-1:Task_SendFollowUpMessage")))
                .isInstanceOf(ChannelException.class);
        assertThat(column("status", "pm-" + caseId)).isEqualTo(Outbox.PENDING);
        assertThat(column("last_error", "pm-" + caseId)).isEqualTo("503 from the platform");
        assertThat(column("attempts", "pm-" + caseId)).isEqualTo("1");

        Delivery retried = inAJob(() -> outbox.send(message, "pi-1:Task_SendFollowUpMessage"));

        assertThat(retried.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(platform.delivered).hasSize(1);
        assertThat(column("attempts", "pm-" + caseId)).isEqualTo("2");
        assertThat(outbox.forCase(caseId)).singleElement().satisfies(entry -> assertThat(entry.platformRef())
                .isEqualTo(retried.platformRef()));
    }

    @Test
    void aJobThatFailsAfterThePlatformPostedDoesNotPostAgainOnItsRetry() {
        RecordingGateway platform = new RecordingGateway();
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = message(caseId, "instagram", MessageKind.REPLY, "reply-" + caseId);

        // the step posts, then its job fails before committing (an optimistic-locking conflict, a node going down)
        assertThatThrownBy(() -> inAJob(() -> {
                    outbox.send(reply, "pi-2:Task_PublishReply");
                    throw new IllegalStateException("the job's transaction does not commit");
                }))
                .hasMessageContaining("does not commit");
        Delivery retried = inAJob(() -> outbox.send(reply, "pi-2:Task_PublishReply"));

        assertThat(platform.delivered).as("posts on the platform").hasSize(1);
        assertThat(retried.platformRef()).isEqualTo("platform-1");
        assertThat(column("status", "reply-" + caseId)).isEqualTo(Outbox.DELIVERED);
        // X4: the delivery is kept as evidence once, with the platform's id, although the job's transaction failed
        assertThat(evidence.forCase(caseId)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("outbound");
            assertThat(item.content()).contains("platform-1").contains(reply.text());
        });
    }

    @Test
    void aSendInterruptedAfterThePlatformPostedIsFoundThereAndNotPostedAgain() {
        RecordingGateway platform = new RecordingGateway();
        platform.loseAnswerOnce.set(true);
        platform.check = message -> DeliveryCheck.found("platform-1");
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = message(caseId, "instagram", MessageKind.REPLY, "reply-" + caseId);

        assertThatThrownBy(() -> inAJob(() -> outbox.send(reply, "pi-3:Task_PublishReply")))
                .isInstanceOf(ChannelException.class);
        assertThat(column("status", "reply-" + caseId)).isEqualTo(Outbox.SENDING);

        Delivery retried = inAJob(() -> outbox.send(reply, "pi-3:Task_PublishReply"));

        assertThat(platform.delivered).as("posts on the platform").hasSize(1);
        assertThat(platform.checked).containsExactly(reply);
        assertThat(retried.platformRef()).isEqualTo("platform-1");
        assertThat(column("status", "reply-" + caseId)).isEqualTo(Outbox.DELIVERED);
    }

    @Test
    void aSendInterruptedBeforeThePlatformPostedIsSentOnceItIsSeenAbsent() {
        RecordingGateway platform = new RecordingGateway();
        platform.crashBeforePostingOnce.set(true);
        platform.check = message -> DeliveryCheck.absent();
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = message(caseId, "instagram", MessageKind.REPLY, "reply-" + caseId);

        assertThatThrownBy(() -> inAJob(() -> outbox.send(reply, "pi-4:Task_PublishReply")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(column("status", "reply-" + caseId))
                .as("a failure that is no ChannelException may have posted")
                .isEqualTo(Outbox.SENDING);

        Delivery retried = inAJob(() -> outbox.send(reply, "pi-4:Task_PublishReply"));

        assertThat(platform.checked).hasSize(1);
        assertThat(platform.delivered).hasSize(1);
        assertThat(retried.status()).isEqualTo(Outbox.DELIVERED);
    }

    @Test
    void aSendInterruptedWhereThePlatformCannotTellIsNotSentAgainUntilAPersonLooked() {
        RecordingGateway platform = new RecordingGateway();
        platform.loseAnswerOnce.set(true);
        platform.check = message -> DeliveryCheck.unknown("this platform offers no way to look a sent message up");
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage offer = message(caseId, "ebay", MessageKind.COMPENSATION_OFFER, "offer-" + caseId);
        String step = "pi-5:Task_SendCompensationOffer";
        assertThatThrownBy(() -> inAJob(() -> outbox.send(offer, step))).isInstanceOf(ChannelException.class);
        int postsSoFar = platform.posts.get();

        assertThatThrownBy(() -> inAJob(() -> outbox.send(offer, step)))
                .isInstanceOfSatisfying(
                        ChannelException.class, e -> assertThat(e.refused()).isTrue())
                .hasMessageContaining("may already be on ebay")
                .hasMessageContaining("attempt 1")
                .hasMessageContaining("answer lost")
                .hasMessageContaining("It is there, or I delivered it by hand");
        assertThat(platform.posts.get()).as("nothing posted again").isEqualTo(postsSoFar);

        assertThat(outbox.confirmNotDelivered("pi-other:Task_SendCompensationOffer", "ana"))
                .isZero();
        assertThat(outbox.confirmNotDelivered(step, "ana")).isEqualTo(1);
        assertThat(column("last_error", "offer-" + caseId)).startsWith("not on the platform, checked by ana");
        Delivery sent = inAJob(() -> outbox.send(offer, step));

        assertThat(sent.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(platform.posts.get()).isEqualTo(postsSoFar + 1);
    }

    @Test
    void aManualDeliveryClosesAnInterruptedSendWithoutPosting() {
        RecordingGateway platform = new RecordingGateway();
        platform.loseAnswerOnce.set(true);
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = message(caseId, "wechat", MessageKind.REPLY, "reply-" + caseId);
        assertThatThrownBy(() -> inAJob(() -> outbox.send(reply, "pi-6:Task_PublishReply")))
                .isInstanceOf(ChannelException.class);

        Delivery manual = inAJob(() -> outbox.recordManual(reply, "pi-6:Task_PublishReply", "ana"));
        Delivery again = inAJob(() -> outbox.send(reply, "pi-6:Task_PublishReply"));

        assertThat(manual.status()).isEqualTo(Outbox.MANUAL);
        assertThat(manual.platformRef()).isEqualTo("manual:ana");
        assertThat(again).isEqualTo(manual);
        assertThat(platform.posts.get()).isEqualTo(1);
    }

    @Test
    void sendPrefersARealAdapterForItsChannelAndLeavesTheOthersToTheSandbox() {
        RecordingGateway ebay = new RecordingGateway("ebay");
        Outbox outbox = new Outbox(jdbc, transactionManager, events, List.of(new SandboxChannelGateway(), ebay));
        String caseId = UUID.randomUUID().toString();

        Delivery onEbay = outbox.send(message(caseId, "ebay", MessageKind.REPLY, "ebay-" + caseId));
        Delivery onInstagram = outbox.send(message(caseId, "instagram", MessageKind.REPLY, "ig-" + caseId));

        assertThat(onEbay.platformRef()).startsWith("ebay-");
        assertThat(ebay.delivered).extracting(OutboundMessage::idempotencyKey).containsExactly("ebay-" + caseId);
        assertThat(onInstagram.platformRef()).startsWith("sandbox-");
    }

    @Test
    void sendRefusesAKeyAlreadyUsedForAnotherCase() {
        String key = "reply-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        outbox.send(message(caseId, "instagram", MessageKind.REPLY, key));

        assertThatThrownBy(
                        () -> outbox.send(message(UUID.randomUUID().toString(), "instagram", MessageKind.REPLY, key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(caseId);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void forCaseListsACasesMessagesOldestFirstAndNoOtherCases() {
        String caseId = UUID.randomUUID().toString();
        outbox.send(message(caseId, "ebay", MessageKind.REPLY, "a-" + caseId));
        outbox.send(message(UUID.randomUUID().toString(), "ebay", MessageKind.REPLY, "other-" + caseId));
        outbox.send(message(caseId, "ebay", MessageKind.PRIVATE_MESSAGE, "b-" + caseId));
        outbox.send(message(caseId, "ebay", MessageKind.REVIEW_REQUEST, "c-" + caseId));

        assertThat(outbox.forCase(caseId))
                .extracting(OutboxEntry::kind)
                .containsExactly(MessageKind.REPLY, MessageKind.PRIVATE_MESSAGE, MessageKind.REVIEW_REQUEST);
    }

    private static OutboundMessage message(String caseId, String channel, MessageKind kind, String key) {
        String surface = kind == MessageKind.REPLY ? OutboundMessage.PUBLIC : OutboundMessage.PRIVATE;
        return new OutboundMessage(
                caseId,
                channel,
                kind,
                surface,
                "buyer-42",
                "Thank you for telling us; here is what we are doing about it.",
                key);
    }

    private <T> T inAJob(java.util.function.Supplier<T> step) {
        return new TransactionTemplate(transactionManager).execute(status -> step.get());
    }

    private String column(String column, String key) {
        return jdbc.sql("SELECT " + column + " FROM cd_outbound_message WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, row) -> rs.getString(1))
                .single();
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_outbound_message WHERE idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    /**
     * A platform adapter that records what it delivered; it refuses while {@code failuresLeft} is above 0, can post
     * and lose the answer, or fail before posting, and answers {@link #check} as told.
     */
    @Order(100)
    static class RecordingGateway implements ChannelGateway {

        final List<OutboundMessage> delivered = new ArrayList<>();
        final List<OutboundMessage> checked = new ArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger posts = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean loseAnswerOnce =
                new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.concurrent.atomic.AtomicBoolean crashBeforePostingOnce =
                new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.Function<OutboundMessage, DeliveryCheck> check =
                message -> DeliveryCheck.unknown("not told");
        private final String channel;

        RecordingGateway() {
            this(null);
        }

        RecordingGateway(String channel) {
            this.channel = channel;
        }

        @Override
        public boolean handles(String channel) {
            return this.channel == null || this.channel.equals(channel);
        }

        @Override
        public String deliver(OutboundMessage message) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new ChannelException("503 from the platform");
            }
            if (crashBeforePostingOnce.getAndSet(false)) {
                throw new IllegalStateException("the adapter failed before it called the platform");
            }
            posts.incrementAndGet();
            delivered.add(message);
            if (loseAnswerOnce.getAndSet(false)) {
                throw ChannelException.outcomeUnknown("answer lost: read timed out", null);
            }
            return (channel == null ? "platform" : channel) + "-" + delivered.size();
        }

        @Override
        public DeliveryCheck check(OutboundMessage message) {
            checked.add(message);
            return check.apply(message);
        }
    }
}
