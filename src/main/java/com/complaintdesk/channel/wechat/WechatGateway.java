package com.complaintdesk.channel.wechat;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.ChannelGateway;
import com.complaintdesk.channel.DeliveryCheck;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.intake.ComplaintCase;
import com.complaintdesk.intake.ComplaintIntake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sends the wechat channel's messages through WeChat's server API (issue #4), ahead of the sandbox:
 * <ul>
 *   <li>the public reply (P1–P6) is the shop's comment under the review, {@code /wxaapi/comment/reply/add};</li>
 *   <li>private contact, compensation offers, reminders and the review request (F1–F7, C2, R2–R3) are
 *       customer-service text messages to the customer's openid, {@code /cgi-bin/message/custom/send}. WeChat accepts
 *       them only within 48 hours of the customer's last interaction (the review, or their own message to customer
 *       service), so an older one is refused here, before WeChat is called, with a {@link ChannelException} that
 *       says so (https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/send.html)
 *       and what the agent can do, as read in the "Handle failed delivery" task: try again once the customer has
 *       written, or reach them another way (F5) and record it as delivered by hand. The forms where these messages
 *       are written do not refuse them: no edit of the text opens the window, and a refused form would stop the
 *       case;</li>
 *   <li>pausing a listing, carrying out a remedy and an official statement have no simple documented API for a
 *       review: they are answered {@code manual:…}, for a person to do in the WeChat back office.</li>
 * </ul>
 * Without the channel's settings it handles nothing and the sandbox takes the channel.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class WechatGateway implements ChannelGateway {

    /** How long after the customer's last interaction WeChat accepts customer-service messages. */
    static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(WechatGateway.class);

    private final WechatApi api;
    private final LastInteraction lastInteraction;
    private final CaseLookup cases;
    private final java.util.function.BooleanSupplier configured;
    private final Clock clock;

    /** When the customer last interacted with the shop on WeChat; empty when nothing is known. */
    @FunctionalInterface
    interface LastInteraction {
        Optional<Instant> of(String openId);
    }

    /** The case a message is for. */
    @FunctionalInterface
    interface CaseLookup {
        Optional<ComplaintCase> find(String caseId);
    }

    @Autowired
    WechatGateway(WechatApi api, WechatContacts contacts, ComplaintIntake intake, WechatSettings settings) {
        this(api, contacts::lastInteraction, intake::find, settings::configured, Clock.systemUTC());
    }

    WechatGateway(
            WechatApi api,
            LastInteraction lastInteraction,
            CaseLookup cases,
            java.util.function.BooleanSupplier configured,
            Clock clock) {
        this.api = api;
        this.lastInteraction = lastInteraction;
        this.cases = cases;
        this.configured = configured;
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return configured.getAsBoolean() && WechatReviews.CHANNEL.equals(channel);
    }

    /**
     * WeChat offers no look-up of a sent customer-service message, and the review's details are not known to show
     * the shop's reply; an action without an API posted nothing.
     */
    @Override
    public DeliveryCheck check(OutboundMessage message) {
        MessageKind kind = message.kind();
        if (kind == MessageKind.PAUSE_LISTING
                || kind == MessageKind.REMEDY
                || kind == MessageKind.STATEMENT
                || kind == MessageKind.REPORT_TO_PLATFORM) {
            return DeliveryCheck.absent();
        }
        return DeliveryCheck.unknown("WeChat offers no way to look a sent reply or message up; see the review and "
                + "the customer-service conversation in the WeChat back office");
    }

    @Override
    public String deliver(OutboundMessage message) {
        MessageKind kind = message.kind();
        if (kind == MessageKind.PAUSE_LISTING
                || kind == MessageKind.REMEDY
                || kind == MessageKind.STATEMENT
                || kind == MessageKind.REPORT_TO_PLATFORM) {
            log.info(
                    "WeChat: {} for case {} has no API here; to be done by hand in the WeChat back office",
                    kind,
                    message.caseId());
            return "manual:wechat " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " has no API for reviews; do it in the WeChat back office";
        }
        ComplaintCase complaintCase = cases.find(message.caseId())
                .orElseThrow(
                        () -> ChannelException.refused("No case " + message.caseId() + " to send " + kind + " for"));
        if (kind == MessageKind.REPLY && OutboundMessage.PUBLIC.equals(message.surface())) {
            api.reply(complaintCase.externalId(), message.text());
            return "wechat:review-reply:" + complaintCase.externalId();
        }
        String openId = message.recipient() == null || message.recipient().isBlank()
                ? complaintCase.customerId()
                : message.recipient();
        requireWithinWindow(openId, complaintCase);
        api.sendText(openId, message.text());
        return "wechat:custom-send:" + message.idempotencyKey();
    }

    private void requireWithinWindow(String openId, ComplaintCase complaintCase) {
        Optional<Instant> last = Stream.concat(
                        Optional.ofNullable(complaintCase.postedAt()).map(t -> t.toInstant()).stream(),
                        lastInteraction.of(openId).stream())
                .max(Instant::compareTo);
        Instant now = clock.instant();
        if (last.isEmpty() || last.get().plus(CUSTOMER_SERVICE_WINDOW).isBefore(now)) {
            throw ChannelException.refused("WeChat allows customer-service messages only within 48 hours of the "
                    + "customer's last interaction (their review, or their latest message to customer service); "
                    + last.map(at -> "for case " + complaintCase.caseId() + " that was " + at
                                    + ", so the window closed at " + at.plus(CUSTOMER_SERVICE_WINDOW))
                            .orElse("none is known for case " + complaintCase.caseId())
                    + ". WeChat will not take this message until the customer writes to customer service again: then"
                    + " choose \"Try again now\". Otherwise call them (F5) or reach them another way, then choose"
                    + " \"I delivered it by hand\".");
        }
    }
}
