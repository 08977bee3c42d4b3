package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.ChannelGateway;
import com.complaintdesk.channel.DeliveryCheck;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.intake.ComplaintCase;
import com.complaintdesk.intake.ComplaintIntake;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends a case's messages and actions to eBay, live only when the seller's token is configured (otherwise the
 * sandbox gateway handles {@code ebay}). The case's external id is the feedback id and its customer the buyer.
 * <ul>
 *   <li>REPLY (P1–P4, public): {@code respondToFeedback} with {@code responseType} REPLY. eBay takes one reply
 *       per feedback, of at most 80 characters ({@code ResponseText} MaxLength 80:
 *       https://developer.ebay.com/DevZone/xML/docs/Reference/eBay/RespondToFeedback.html; "only … if you have not
 *       yet responded": https://developer.ebay.com/api-docs/commerce/feedback/resources/respond_to_feedback/methods/respondToFeedback):
 *       a longer text, or a second reply for the same case, is refused here with a {@link ChannelException} before
 *       eBay is asked ({@link EbayRules}, which the agent's draft-reply form is checked against too).</li>
 *   <li>PRIVATE_MESSAGE, COMPENSATION_OFFER, REMINDER (F, C2): a message to the buyer with the Message API's
 *       {@code sendMessage} ({@code otherPartyUsername}, {@code messageText}).</li>
 *   <li>REVIEW_REQUEST (R2–R4): eBay documents no API for the site's feedback revision request, so the request
 *       goes as a message with the step-by-step instructions the review-request decision wrote; once per case
 *       (R4), a second one is refused.</li>
 *   <li>PAUSE_LISTING, REMEDY, STATEMENT, REPORT_TO_PLATFORM: not sent through an API; the reference starts with {@code manual:} and
 *       says what a person does in Seller Hub.</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class EbayGateway implements ChannelGateway {

    private static final Logger log = LoggerFactory.getLogger(EbayGateway.class);

    private final EbayApi api;
    private final EbayProperties settings;
    private final ComplaintIntake cases;
    private final EbayRules rules;

    EbayGateway(EbayApi api, EbayProperties settings, ComplaintIntake cases, EbayRules rules) {
        this.api = api;
        this.settings = settings;
        this.cases = cases;
        this.rules = rules;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logWhenOff() {
        if (!settings.configured()) {
            log.info(
                    "eBay channel is off (COMPLAINTDESK_EBAY_ACCESS_TOKEN is not set): the sandbox handles ebay messages");
        }
    }

    @Override
    public boolean handles(String channel) {
        return EbayFeedbackIntake.CHANNEL.equals(channel) && settings.configured();
    }

    /**
     * eBay's Feedback and Message APIs are not known to show a reply or a message just sent in a way that can be
     * matched; the actions without an API posted nothing.
     */
    @Override
    public DeliveryCheck check(OutboundMessage message) {
        return switch (message.kind()) {
            case PAUSE_LISTING, REMEDY, STATEMENT, REPORT_TO_PLATFORM -> DeliveryCheck.absent();
            default ->
                DeliveryCheck.unknown("eBay offers no look-up of a reply or message just sent that could be "
                        + "matched; see the feedback and the buyer's messages in Seller Hub");
        };
    }

    @Override
    public String deliver(OutboundMessage message) {
        ComplaintCase complaintCase = cases.find(message.caseId())
                .orElseThrow(() -> ChannelException.refused("eBay: case " + message.caseId() + " is not known here"));
        String feedbackId = complaintCase.externalId();
        String buyer = complaintCase.customerId();
        return switch (message.kind()) {
            case REPLY -> reply(message, feedbackId, buyer);
            case PRIVATE_MESSAGE, COMPENSATION_OFFER, REMINDER ->
                "ebay:message:" + sent(api.sendMessage(buyer, message.text()));
            case REVIEW_REQUEST -> {
                once(
                        message,
                        "eBay: the feedback revision request for feedback " + feedbackId
                                + " was already sent; the playbook asks once (R4)");
                yield "ebay:revision-request:" + sent(api.sendMessage(buyer, message.text()));
            }
            case PAUSE_LISTING ->
                "manual:end or revise the listing of feedback " + feedbackId
                        + " in Seller Hub; no listing API is wired for eBay";
            case REMEDY ->
                "manual:carry out the remedy for the order of feedback " + feedbackId
                        + " in Seller Hub (refund, replacement); no refund API is wired for eBay";
            case REPORT_TO_PLATFORM ->
                "manual:report buyer " + buyer + " of feedback " + feedbackId
                        + " to eBay (Report a buyer, Resolution Center); eBay has no API for it";
            case STATEMENT -> "manual:post the statement where the shop's buyers see it; eBay has no statement API";
        };
    }

    private String reply(OutboundMessage message, String feedbackId, String buyer) {
        rules.replyTooLong(message.text()).ifPresent(length -> {
            throw ChannelException.refused("eBay takes a feedback reply of at most " + rules.replyMaxLength()
                    + " characters; this one has " + length + ". Shorten the public reply and put the rest in the "
                    + "private message");
        });
        once(message, "eBay allows one reply per feedback; feedback " + feedbackId + " was already answered");
        api.respondToFeedback(feedbackId, buyer, message.text());
        return "ebay:feedback-reply:" + feedbackId;
    }

    /** Refuses a second message of this kind for the case (another text, already delivered). */
    private void once(OutboundMessage message, String refusal) {
        if (rules.sentBefore(message.caseId(), message.kind(), message.text()).isPresent()) {
            throw ChannelException.refused(refusal);
        }
    }

    private static String sent(JsonNode answer) {
        for (String field : List.of("messageId", "conversationId")) {
            if (answer.hasNonNull(field)) {
                return answer.path(field).asText();
            }
        }
        return "sent";
    }
}
