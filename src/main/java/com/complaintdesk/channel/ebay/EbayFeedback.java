package com.complaintdesk.channel.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One feedback entry as the Commerce Feedback API returns it in {@code feedbackEntries} of {@code getFeedback}
 * (type {@code FeedbackDetail}), read field by field so a field eBay adds changes nothing:
 *
 * <pre>
 * {"feedbackId": "…", "commentType": "NEGATIVE" | "NEUTRAL" | "POSITIVE",
 *  "feedbackComment": {"commentText": "…"}, "feedbackEnteredDate": "2025-11-02T10:15:00.000Z",
 *  "eligibleForRevision": true,
 *  "providerUserDetail": {"userId": "&lt;username or immutable user id&gt;", "role": "BUYER"},
 *  "orderLineItemSummary": {"orderLineItemId": "…", "listingId": "…", "listingTitle": "…",
 *                           "listingPrice": {"value": "19.25", "currency": "USD"}}}
 * </pre>
 *
 * Sources: https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:FeedbackDetail (commentType,
 * eligibleForRevision, feedbackComment, feedbackEnteredDate, feedbackId),
 * https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:ProviderUserDetail (userId, role) and
 * https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:OrderLineItemSummary (orderLineItemId, listingId,
 * listingTitle, listingPrice). The name of the comment's text inside {@code feedbackComment} is not spelt out on
 * those pages; {@code commentText} is the Trading API's name for it and is read here.
 *
 * @param feedbackId      the feedback's id: the case's external id
 * @param commentType     POSITIVE, NEUTRAL or NEGATIVE (upper case)
 * @param text            the buyer's comment
 * @param enteredAt       when it was left; null when missing
 * @param buyer           the buyer's user id ({@code providerUserDetail.userId})
 * @param orderLineItemId the order line item it is about
 * @param listingId       the listing
 * @param listingTitle    the listing's title
 * @param price           the sale price; null when missing
 * @param currency        its currency
 * @param eligibleForRevision whether the buyer can still revise it (30 days, once)
 */
record EbayFeedback(
        String feedbackId,
        String commentType,
        String text,
        OffsetDateTime enteredAt,
        String buyer,
        String orderLineItemId,
        String listingId,
        String listingTitle,
        BigDecimal price,
        String currency,
        Boolean eligibleForRevision) {

    static final String NEGATIVE = "NEGATIVE";
    static final String NEUTRAL = "NEUTRAL";

    static EbayFeedback read(JsonNode entry) {
        JsonNode line = entry.path("orderLineItemSummary");
        JsonNode price = line.path("listingPrice");
        String type = text(entry.path("commentType"));
        return new EbayFeedback(
                text(entry.path("feedbackId")),
                type == null ? null : type.toUpperCase(Locale.ROOT),
                text(entry.path("feedbackComment").path("commentText")),
                time(entry.path("feedbackEnteredDate")),
                text(entry.path("providerUserDetail").path("userId")),
                text(line.path("orderLineItemId")),
                text(line.path("listingId")),
                text(line.path("listingTitle")),
                amount(price.path("value")),
                text(price.path("currency")),
                entry.path("eligibleForRevision").isBoolean()
                        ? entry.path("eligibleForRevision").asBoolean()
                        : null);
    }

    /** Negative or neutral: what a case is opened for. */
    boolean complaint() {
        return NEGATIVE.equals(commentType) || NEUTRAL.equals(commentType);
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    private static OffsetDateTime time(JsonNode node) {
        try {
            return node.isTextual() ? OffsetDateTime.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal amount(JsonNode node) {
        try {
            return node.isTextual() || node.isNumber() ? new BigDecimal(node.asText()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
