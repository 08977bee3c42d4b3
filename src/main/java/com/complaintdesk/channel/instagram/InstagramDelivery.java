package com.complaintdesk.channel.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One webhook delivery from Meta as documented for Instagram, read field by field so that a field Meta adds later
 * changes nothing:
 *
 * <pre>
 * {"object": "instagram",
 *  "entry": [{"id": "&lt;the shop's Instagram professional account id&gt;",
 *             "time": &lt;when Meta sent it&gt;,
 *             "changes": [{"field": "comments" | "live_comments",
 *                          "value": {"id": "&lt;comment id&gt;", "text": "…",
 *                                    "from": {"id": "&lt;Instagram-scoped user id&gt;", "username": "…"},
 *                                    "media": {"id": "…", "media_product_type": "FEED"},
 *                                    "parent_id": "&lt;comment replied to, if a reply&gt;"}}]}]}
 * </pre>
 *
 * Sources: https://developers.facebook.com/docs/instagram-platform/webhooks/examples/ (common parameters, comments
 * payload), https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram (the comments and
 * live_comments fields: from, media, id, parent_id, text) and
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started/webhooks-for-instagram/ (an entry with its
 * {@code changes} and an epoch-seconds {@code time}).
 *
 * @param object  the platform the notification is about; {@code instagram} here
 * @param changes every change of every entry, in the order sent
 */
record InstagramDelivery(String object, List<Change> changes) {

    static final String INSTAGRAM = "instagram";
    static final String COMMENTS = "comments";
    static final String LIVE_COMMENTS = "live_comments";

    /** Below this an entry's {@code time} is in seconds (the documented unit); above it, in milliseconds. */
    private static final long MILLISECONDS_FROM = 100_000_000_000L;

    /**
     * One change of an entry.
     *
     * @param accountId the Instagram professional account the entry is for ({@code entry.id})
     * @param sentAt    when Meta sent the notification ({@code entry.time}); null when missing
     * @param field     the webhook field that changed
     * @param comment   the comment, for the {@code comments} and {@code live_comments} fields; null otherwise
     */
    record Change(String accountId, Instant sentAt, String field, Comment comment) {}

    /**
     * A comment as the {@code comments} and {@code live_comments} fields deliver it.
     *
     * @param id               the comment's id
     * @param text             its text
     * @param fromId           the Instagram-scoped id of who wrote it
     * @param fromUsername     their username
     * @param mediaId          the post (media) it is under
     * @param mediaProductType where that media was published (e.g. FEED)
     * @param parentId         the comment it replies to; null for a top-level comment
     */
    record Comment(
            String id,
            String text,
            String fromId,
            String fromUsername,
            String mediaId,
            String mediaProductType,
            String parentId) {}

    static InstagramDelivery read(JsonNode root) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String accountId = text(entry.path("id"));
            Instant sentAt = instant(entry.path("time"));
            for (JsonNode change : entry.path("changes")) {
                String field = text(change.path("field"));
                Comment comment =
                        COMMENTS.equals(field) || LIVE_COMMENTS.equals(field) ? comment(change.path("value")) : null;
                changes.add(new Change(accountId, sentAt, field, comment));
            }
        }
        return new InstagramDelivery(text(root.path("object")), List.copyOf(changes));
    }

    private static Comment comment(JsonNode value) {
        return new Comment(
                text(value.path("id")),
                text(value.path("text")),
                text(value.path("from").path("id")),
                text(value.path("from").path("username")),
                text(value.path("media").path("id")),
                text(value.path("media").path("media_product_type")),
                text(value.path("parent_id")));
    }

    // Ids are documented as numeric strings; a number is taken as well.
    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    private static Instant instant(JsonNode time) {
        if (!time.canConvertToLong()) {
            return null;
        }
        long value = time.asLong();
        return value >= MILLISECONDS_FROM ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
