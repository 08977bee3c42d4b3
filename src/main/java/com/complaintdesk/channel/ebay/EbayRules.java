package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What eBay takes only in a certain size or only once for a feedback, in one place for both checks: the
 * {@link EbayGateway} asks it just before eBay is called, the form rules ({@link EbayReplyLengthRule},
 * {@link EbayOneReplyRule}) ask it when the agent submits the text, so the agent is told while the text can still
 * be changed. Each rule is one method; the callers only word the answer for where it is read.
 * <ul>
 *   <li>P1–P4: a reply to a feedback has at most {@link EbayProperties#replyMaxLength()} characters
 *       ({@code ResponseText} MaxLength 80).</li>
 *   <li>P1–P4: eBay takes one reply per feedback ("only … if you have not yet responded"); R4: the playbook asks
 *       for a revision once. What counts as already sent is a row of the outbox ({@code cd_outbound_message}) for
 *       the case that is not pending (delivered, by the platform or the sandbox, or delivered by hand) with another
 *       text: the same text has the same idempotency key, so the outbox hands back the earlier delivery and eBay
 *       is not asked again.</li>
 * </ul>
 */
@Component
class EbayRules {

    private final EbayProperties settings;
    private final JdbcClient jdbc;

    EbayRules(EbayProperties settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The most characters a reply to a feedback may have. */
    int replyMaxLength() {
        return settings.replyMaxLength();
    }

    /** P1–P4: the characters eBay counts in {@code reply} (Unicode code points) when it is over the limit, else empty. */
    OptionalInt replyTooLong(String reply) {
        int length = reply.codePointCount(0, reply.length());
        return length > settings.replyMaxLength() ? OptionalInt.of(length) : OptionalInt.empty();
    }

    /**
     * P1–P4, R4: the message of this kind that was already sent for the case with another text than {@code text},
     * the earliest first; empty when sending {@code text} is the first, or a repeat of the same text.
     */
    Optional<Sent> sentBefore(String caseId, MessageKind kind, String text) {
        return jdbc
                .sql(
                        """
                SELECT text, status, delivered_at FROM cd_outbound_message
                 WHERE case_id = :caseId AND channel = :channel AND kind = :kind AND status <> :pending
                 ORDER BY created_at, id
                """)
                .param("caseId", caseId)
                .param("channel", EbayFeedbackIntake.CHANNEL)
                .param("kind", kind.name())
                .param("pending", Outbox.PENDING)
                .query((rs, row) -> new Sent(
                        rs.getString("text"),
                        rs.getString("status"),
                        rs.getObject("delivered_at", OffsetDateTime.class)))
                .list()
                .stream()
                .filter(sent -> !sent.text().equals(text))
                .findFirst();
    }

    /** A message that went to eBay for the case: its text, its outbox status and when it was delivered. */
    record Sent(String text, String status, OffsetDateTime deliveredAt) {}
}
