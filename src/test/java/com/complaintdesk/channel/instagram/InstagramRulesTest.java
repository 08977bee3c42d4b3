package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Instagram's documented limits: one private reply per comment within 7 days
 * (<a href="https://developers.facebook.com/docs/instagram-platform/private-replies">Send a Private Reply to a
 * Commenter</a>), message text of at most 1000 UTF-8 bytes
 * (<a href="https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message">Send a Message</a>),
 * no documented length limit for comment replies
 * (<a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies">IG
 * Comment Replies</a>).
 */
class InstagramRulesTest {

    static final OffsetDateTime COMMENTED = OffsetDateTime.of(2026, 11, 13, 20, 30, 0, 0, ZoneOffset.ofHours(-5));

    @Test
    void privateReplyIsAllowedUntilSevenDaysAfterTheComment() {
        Instant deadline = InstagramRules.privateReplyDeadline(COMMENTED);

        assertThat(deadline).isEqualTo(Instant.parse("2026-11-21T01:30:00Z"));
        assertThat(InstagramRules.privateReplyRefusal(COMMENTED, false, COMMENTED.toInstant()))
                .isEmpty();
        assertThat(InstagramRules.privateReplyRefusal(COMMENTED, false, deadline.minus(Duration.ofMinutes(1))))
                .isEmpty();
        assertThat(InstagramRules.privateReplyRefusal(COMMENTED, false, deadline))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("only within 7 days of the comment")
                        .contains("posted 2026-11-14T01:30:00Z")
                        .contains("closed 2026-11-21T01:30:00Z")
                        .contains("continue in the Direct conversation"));
        assertThat(InstagramRules.privateReplyRefusal(COMMENTED, false, deadline.plus(Duration.ofDays(30))))
                .isPresent();
    }

    @Test
    void aCommentHasOnlyOnePrivateReply() {
        assertThat(InstagramRules.privateReplyRefusal(
                        COMMENTED, true, COMMENTED.toInstant().plus(Duration.ofHours(1))))
                .hasValue(
                        "Instagram allows one private reply per comment, and this comment's was already sent; continue in the Direct conversation");
    }

    @Test
    void messageTextIsAtMostOneThousandUtf8Bytes() {
        assertThat(InstagramRules.messageTextProblem("a".repeat(1000))).isEmpty();
        assertThat(InstagramRules.messageTextProblem("a".repeat(1001)))
                .hasValue("An Instagram message may have at most"
                        + " 1000 bytes of UTF-8 text (1000 Latin letters, 333 Chinese characters); this one has 1001");
        // Chinese characters take three bytes each: 333 fit, 334 do not.
        assertThat(InstagramRules.messageTextProblem("好".repeat(333))).isEmpty();
        assertThat(InstagramRules.messageTextProblem("好".repeat(334)))
                .hasValueSatisfying(p -> assertThat(p).endsWith("1002"));
        assertThat(InstagramRules.messageTextProblem(" ")).hasValue("An Instagram message needs text");
    }

    @Test
    void commentRepliesHaveNoDocumentedLengthLimitButNeedText() {
        assertThat(InstagramRules.commentTextProblem("x".repeat(5000))).isEmpty();
        assertThat(InstagramRules.commentTextProblem("")).hasValue("An Instagram comment reply needs text");
    }
}
