package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.DeliveryOutcome;
import com.complaintdesk.channel.InboundEvents;
import com.complaintdesk.common.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores a signed eBay notification once per {@code notificationId} (or, without one, per SHA-256 of its body)
 * before anything is done with it, then hands a {@code FEEDBACK_RECEIVED} notification's feedback to
 * {@link EbayFeedbackIntake}. The topic's asyncapi contract
 * (https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/feedback_received.yaml) names
 * {@code metadata.topic} and {@code notification.notificationId / eventDate / data}; the fields inside {@code data}
 * were not found in the documentation, so {@code data} is read as the Feedback API's FeedbackDetail
 * ({@link EbayFeedback}), the shape the same feedback has when polled. Other topics are stored and ignored.
 */
@Service
class EbayNotifications {

    static final String FEEDBACK_RECEIVED = "FEEDBACK_RECEIVED";

    private static final Logger log = LoggerFactory.getLogger(EbayNotifications.class);

    private final InboundEvents events;
    private final EbayFeedbackIntake feedbacks;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    EbayNotifications(InboundEvents events, EbayFeedbackIntake feedbacks, ObjectMapper json) {
        this.events = events;
        this.feedbacks = feedbacks;
        this.json = json;
    }

    DeliveryOutcome receive(byte[] body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        String notificationId =
                root == null ? null : text(root.path("notification").path("notificationId"));
        String key = notificationId != null ? "notification:" + notificationId : "sha256:" + Sha256.hex(body);
        InboundEvents.Event event =
                events.record(EbayFeedbackIntake.CHANNEL, key, new String(body, StandardCharsets.UTF_8), now);
        if (event.processed()) {
            log.info("eBay notification {} was received before ({}); nothing done again", key, event.outcome());
            return DeliveryOutcome.ALREADY_PROCESSED;
        }
        if (root == null || !root.isObject()) {
            events.processed(event.id(), "not a JSON object", now);
            return DeliveryOutcome.UNREADABLE;
        }
        String topic = text(root.path("metadata").path("topic"));
        if (!FEEDBACK_RECEIVED.equals(topic)) {
            events.processed(event.id(), "topic " + topic + ": ignored", now);
            return DeliveryOutcome.PROCESSED;
        }
        JsonNode data = root.path("notification").path("data");
        try {
            EbayFeedbackIntake.Handled handled = feedbacks.receive(EbayFeedback.read(data), data.toString());
            if (handled.caseId() != null) {
                // The signed notification itself, as eBay sent it, is kept with the case's evidence (X4, E6).
                events.linkToCase(event, handled.caseId());
            }
            events.processed(event.id(), handled.outcome(), OffsetDateTime.now(clock));
            log.info("eBay notification {}: {}", key, handled.outcome());
            return DeliveryOutcome.PROCESSED;
        } catch (RuntimeException e) {
            log.error("eBay notification {} could not be handled; eBay will send it again", key, e);
            return DeliveryOutcome.FAILED;
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }
}
