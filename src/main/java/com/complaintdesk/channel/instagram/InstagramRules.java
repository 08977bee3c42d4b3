package com.complaintdesk.channel.instagram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What Instagram allows when a shop answers a comment, as Meta documents it, so the gateway and the form rule
 * ({@link InstagramTextRule}) can say no before the platform does. Pure: every answer depends only on the arguments.
 *
 * <ul>
 *   <li>Private reply: one message to the person who commented, within 7 days of the comment's creation
 *       (Instagram Live: only during the broadcast, which Complaint Desk does not handle).
 *       <a href="https://developers.facebook.com/docs/instagram-platform/private-replies">Send a Private Reply to a
 *       Commenter</a>, <a href="https://developers.facebook.com/docs/messenger-platform/instagram/features/private-replies">Private
 *       Replies</a>. A private reply does not open the 24-hour window for ordinary messages.</li>
 *   <li>Message text: UTF-8, 1000 bytes or less
 *       (<a href="https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message">Send a
 *       Message</a>; another version of that page says "less than 1000 characters", bytes is the stricter reading).</li>
 *   <li>Comment replies: Meta's reference documents no maximum length
 *       (<a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies">IG
 *       Comment Replies</a>), so none is enforced here; it does say that hidden comments and comments on a live video
 *       cannot be replied to, which only Instagram knows.</li>
 * </ul>
 */
public final class InstagramRules {

    /** How long after the comment its one private reply may be sent. */
    public static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);

    /** The most UTF-8 bytes a message's text may have. */
    public static final int MESSAGE_TEXT_MAX_BYTES = 1000;

    static final String ONE_PRIVATE_REPLY = "Instagram allows one private reply per comment, and this comment's was"
            + " already sent; continue in the Direct conversation";

    private InstagramRules() {}

    /** The first instant at which the private reply to a comment made at {@code commentedAt} is no longer allowed. */
    public static Instant privateReplyDeadline(OffsetDateTime commentedAt) {
        return commentedAt.toInstant().plus(PRIVATE_REPLY_WINDOW);
    }

    /**
     * Why a private reply to the comment cannot be sent at {@code now}, or empty when it can.
     *
     * @param commentedAt when the customer posted the comment (the case's {@code postedAt})
     * @param privateReplySent whether the comment's one private reply was already sent
     */
    public static Optional<String> privateReplyRefusal(
            OffsetDateTime commentedAt, boolean privateReplySent, Instant now) {
        if (privateReplySent) {
            return Optional.of(ONE_PRIVATE_REPLY);
        }
        Instant deadline = privateReplyDeadline(commentedAt);
        if (!now.isBefore(deadline)) {
            return Optional.of("Instagram allows the private reply to a comment only within 7 days of the comment"
                    + " (posted " + commentedAt.toInstant() + ", closed " + deadline
                    + "); continue in the Direct conversation");
        }
        return Optional.empty();
    }

    /** Why {@code text} cannot be sent as an Instagram message, or empty when it can. */
    public static Optional<String> messageTextProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("An Instagram message needs text");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MESSAGE_TEXT_MAX_BYTES) {
            return Optional.of("An Instagram message may have at most " + MESSAGE_TEXT_MAX_BYTES
                    + " bytes of UTF-8 text (" + MESSAGE_TEXT_MAX_BYTES + " Latin letters, "
                    + MESSAGE_TEXT_MAX_BYTES / 3
                    + " Chinese characters); this one has " + bytes);
        }
        return Optional.empty();
    }

    /** Why {@code text} cannot be posted as a comment reply, or empty when it can (no length limit is documented). */
    public static Optional<String> commentTextProblem(String text) {
        return text == null || text.isBlank() ? Optional.of("An Instagram comment reply needs text") : Optional.empty();
    }
}
