package com.complaintdesk.channel.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A review as {@code GET /wxaapi/comment/commentinfo/get} returns it, the fields this channel uses
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/transaction-guarantee/comment/api_getcommentinfo.html):
 * {@code info.content} holds the review ({@code commentId}, {@code amount} in fen, {@code orderId},
 * {@code createTime} in seconds, {@code score} with 100 per star, {@code content.txt}, {@code userInfo.openid} and
 * {@code nickName}); {@code oldComment} is there only on the new review that replaced an edited one. The field names
 * under {@code info.content} are the ones the list API documents for each review
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/transaction-guarantee/comment/api_getccommentlist.html).
 *
 * @param commentId    the review's id
 * @param text         what the customer wrote ({@code content.txt}); null when only stars were given
 * @param openId       the customer's openid
 * @param nickName     the customer's nickname
 * @param orderId      the order reviewed
 * @param amount       the order's amount in yuan; null when missing
 * @param createdAt    when the review was written; null when missing
 * @param stars        the score in stars (score / 100); null when missing
 * @param oldCommentId the review this one replaced when the customer edited it; null for a first review
 */
record WechatReview(
        String commentId,
        String text,
        String openId,
        String nickName,
        String orderId,
        BigDecimal amount,
        Instant createdAt,
        Integer stars,
        String oldCommentId) {

    static WechatReview read(JsonNode response) {
        JsonNode review = response.path("info").path("content");
        String amountFen = WechatPush.text(review.path("amount"));
        String score = WechatPush.text(review.path("score"));
        return new WechatReview(
                WechatPush.text(review.path("commentId")),
                WechatPush.text(review.path("content").path("txt")),
                WechatPush.text(review.path("userInfo").path("openid")),
                WechatPush.text(review.path("userInfo").path("nickName")),
                WechatPush.text(review.path("orderId")),
                amountFen == null ? null : fen(amountFen),
                WechatPush.instant(WechatPush.text(review.path("createTime"))),
                score == null ? null : stars(score),
                WechatPush.text(response.path("oldComment").path("commentId")));
    }

    private static BigDecimal fen(String value) {
        try {
            return new BigDecimal(value).movePointLeft(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer stars(String score) {
        try {
            return Integer.parseInt(score) / 100;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
