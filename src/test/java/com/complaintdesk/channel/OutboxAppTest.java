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

    @Test
    void sendDeliversThroughTheSandboxByDefaultAndKeepsTheMessage() {
        String caseId = UUID.randomUUID().toString();
        OutboundMessage reply = new OutboundMessage(caseId, "instagram", MessageKind.REPLY, OutboundMessage.PUBLIC,
                "@mia.chen", "We're very sorry your mug arrived broken, and thank you for telling us.", "reply-" + caseId);

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
        Outbox outbox = new Outbox(jdbc, List.of(platform));
        String caseId = UUID.randomUUID().toString();
        OutboundMessage offer = message(caseId, "ebay", MessageKind.COMPENSATION_OFFER, "offer-" + caseId);

        Delivery first = outbox.send(offer);
        Delivery second = outbox.send(offer);

        assertThat(second).isEqualTo(first);
        assertThat(platform.delivered).hasSize(1);
        assertThat(rowsWithKey("offer-" + caseId)).isEqualTo(1);
    }

    @Test
    void sendThatThePlatformRefusesLeavesNoRowAndTheJobsRetryDeliversOnce() {
        RecordingGateway platform = new RecordingGateway();
        platform.failuresLeft.set(1);
        Outbox outbox = new Outbox(jdbc, List.of(platform));
        TransactionTemplate job = new TransactionTemplate(transactionManager);
        String caseId = UUID.randomUUID().toString();
        OutboundMessage message = message(caseId, "wechat", MessageKind.PRIVATE_MESSAGE, "pm-" + caseId);

        assertThatThrownBy(() -> job.executeWithoutResult(status -> outbox.send(message)))
                .isInstanceOf(ChannelException.class);
        assertThat(rowsWithKey("pm-" + caseId)).isZero();

        Delivery retried = job.execute(status -> outbox.send(message));

        assertThat(retried.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(platform.delivered).hasSize(1);
        assertThat(outbox.forCase(caseId)).singleElement()
                .satisfies(entry -> assertThat(entry.platformRef()).isEqualTo(retried.platformRef()));
    }

    @Test
    void sendPrefersARealAdapterForItsChannelAndLeavesTheOthersToTheSandbox() {
        RecordingGateway ebay = new RecordingGateway("ebay");
        Outbox outbox = new Outbox(jdbc, List.of(new SandboxChannelGateway(), ebay));
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

        assertThatThrownBy(() -> outbox.send(message(UUID.randomUUID().toString(), "instagram", MessageKind.REPLY, key)))
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

        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::kind)
                .containsExactly(MessageKind.REPLY, MessageKind.PRIVATE_MESSAGE, MessageKind.REVIEW_REQUEST);
    }

    private static OutboundMessage message(String caseId, String channel, MessageKind kind, String key) {
        String surface = kind == MessageKind.REPLY ? OutboundMessage.PUBLIC : OutboundMessage.PRIVATE;
        return new OutboundMessage(caseId, channel, kind, surface, "buyer-42",
                "Thank you for telling us; here is what we are doing about it.", key);
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_outbound_message WHERE idempotency_key = :key")
                .param("key", key).query(Long.class).single();
    }

    /** A platform adapter that records what it delivered, and refuses while {@code failuresLeft} is above 0. */
    @Order(100)
    static class RecordingGateway implements ChannelGateway {

        final List<OutboundMessage> delivered = new ArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
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
            delivered.add(message);
            return (channel == null ? "platform" : channel) + "-" + delivered.size();
        }
    }
}
