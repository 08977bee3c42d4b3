package com.complaintdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The review-request decision (R1–R4): one polite request to update the review so that it reflects how the problem
 * was resolved, with the steps of the channel's own revision feature; never a request for a positive review.
 */
@Deployment(resources = {"processes/decisions/review-request.dmn", "processes/decisions/red-lines.dmn"})
class ReviewRequestDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    static final List<String> CHANNELS = List.of("instagram", "ebay", "wechat", "email", "phone", "web");
    static final List<String> LANGUAGES = List.of("en", "en-US", "zh", "zh-CN");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    ProcessEngine processEngine;

    @Test
    void ebayCustomersAreWalkedThroughTheFeedbackRevisionRequest() {
        assertThat(request("ebay", "en"))
                .contains("feedback revision request", "My eBay → Feedback", "Revise feedback");
        assertThat(request("ebay", "zh-CN")).contains("评价修改请求", "My eBay → Feedback", "Revise feedback");
    }

    @Test
    void instagramCustomersAreShownHowToEditOrDeleteTheirComment() {
        assertThat(request("instagram", "en")).contains("comment", "⋯", "Edit", "Delete");
        assertThat(request("instagram", "zh-CN")).contains("评论", "⋯", "编辑", "删除");
    }

    @Test
    void wechatCustomersAreShownHowToEditTheReviewInTheStore() {
        assertThat(request("wechat", "en")).contains("WeChat store", "我的订单", "修改评价");
        assertThat(request("wechat", "zh-CN")).contains("我的订单", "评价", "修改评价");
    }

    @Test
    void channelsWithoutARevisionFeatureOnlyMentionThatTheCustomerCanUpdateWhatTheyWrote() {
        for (String channel : List.of("email", "phone", "web", "tiktok")) {
            assertThat(request(channel, "en"))
                    .as(channel)
                    .contains("feel like it, you can update what you wrote")
                    .doesNotContain("eBay", "⋯", "WeChat");
            assertThat(request(channel, "zh-CN"))
                    .as(channel)
                    .contains("可以更新您写的内容")
                    .doesNotContain("eBay", "⋯", "我的订单");
        }
    }

    @Test
    void chineseCustomersGetChineseTextsAndEveryoneElseEnglish() {
        for (String channel : CHANNELS) {
            assertThat(request(channel, "zh")).as(channel).contains("您好");
            assertThat(request(channel, "zh-CN")).as(channel).contains("您好");
            for (String language : List.of("en", "fr")) {
                assertThat(request(channel, language))
                        .as(channel + " " + language)
                        .startsWith("Hi [name]");
            }
            assertThat(request(channel, null)).as(channel).startsWith("Hi [name]");
        }
        assertThat(request("instagram", "en")).doesNotContainPattern(CJK);
        assertThat(request("ebay", "en")).doesNotContainPattern(CJK);
    }

    @Test
    void everyTextAsksToReflectHowItWasResolvedAndOnlyOnce() {
        for (String channel : CHANNELS) {
            assertThat(request(channel, "en"))
                    .as(channel)
                    .contains("reflects how it was resolved")
                    .containsPattern("only (ask|mention) this once");
            assertThat(request(channel, "zh-CN"))
                    .as(channel)
                    .contains("反映问题最终的处理结果")
                    .containsPattern("只(会请求|提)这一次");
        }
    }

    @Test
    void noTextAsksForAPositiveReviewOrStarsOrTiesAnythingToIt() {
        for (String channel : CHANNELS) {
            for (String language : LANGUAGES) {
                String text = request(channel, language).toLowerCase(Locale.ROOT);
                assertThat(text)
                        .as(channel + " " + language)
                        .doesNotContain(
                                "positive",
                                "5 star",
                                "five star",
                                "好评",
                                "五星",
                                "stars",
                                "compensation",
                                "coupon",
                                "refund",
                                "gift",
                                "补偿",
                                "优惠券",
                                "退款",
                                "礼品");
            }
        }
    }

    @Test
    void noTextCrossesARedLine() {
        for (String channel : CHANNELS) {
            for (String language : LANGUAGES) {
                String text = request(channel, language).toLowerCase(Locale.ROOT);
                List<Map<String, Object>> hits = processEngine
                        .getDecisionService()
                        .evaluateDecisionByKey(ComplaintLifecycle.Decision.RED_LINES)
                        .variables(Variables.createVariables()
                                .putValue("text", text)
                                .putValue("language", language))
                        .evaluate()
                        .getResultList();
                assertThat(hits).as(channel + " " + language).isEmpty();
            }
        }
    }

    private String request(String channel, String language) {
        DmnDecisionResultEntries result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.REVIEW_REQUEST)
                .variables(
                        Variables.createVariables().putValue("channel", channel).putValue("language", language))
                .evaluate()
                .getSingleResult();
        assertThat(result).as(channel + " " + language).isNotNull();
        String text = result.getSingleEntry();
        assertThat(text).as(channel + " " + language).isNotBlank();
        return text;
    }
}
