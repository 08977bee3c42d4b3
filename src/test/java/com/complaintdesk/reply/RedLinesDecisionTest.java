package com.complaintdesk.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The red-lines decision (X3, P5, R2): what a public reply must never say (block) and what legal must look at
 * (warn), in English and Chinese. Drafts are lower-cased before the check, as the application does.
 */
@Deployment(resources = "processes/decisions/red-lines.dmn")
class RedLinesDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;

    @Test
    void arguingWithTheCustomerIsBlocked() {
        assertBlocked("en", "You are wrong, the size chart is clear.", "you are wrong");
        assertBlocked("en", "That's not true: we shipped it on Monday.", "that's not true");
        assertBlocked("en", "You should have contacted us first.", "you should have");
        assertBlocked("zh-CN", "你错了，我们的尺码表写得很清楚。", "你错了");
        assertBlocked("zh-CN", "这不是我们的问题，是快递的问题。", "不是我们的问题");
    }

    @Test
    void blamingTheCustomerIsBlocked() {
        assertBlocked("en", "This damage is your fault.", "your fault");
        assertBlocked("en", "You didn't read the description.", "you didn't read");
        assertBlocked("en", "It broke because you misused it.", "you misused");
        assertBlocked("zh-CN", "是你自己没有看清楚说明。", "是你自己");
        assertBlocked("zh-CN", "这是你自己的问题。", "你自己的问题");
    }

    @Test
    void guaranteesAreBlocked() {
        assertBlocked("en", "We guarantee a replacement within a day.", "we guarantee");
        assertBlocked("en", "The bottle is 100% safe for babies.", "100% safe");
        assertBlocked("en", "This will never happen again.", "will never happen again");
        assertBlocked("en", "We promise it will never break again.", "we promise it will never");
        assertBlocked("zh-CN", "我们保证明天发货。", "保证");
        assertBlocked("zh-CN", "这种情况绝对不会再出现。", "绝对不会");
        assertBlocked("zh-CN", "以后永远不会这样了。", "永远不会");
    }

    @Test
    void threatsAreBlocked() {
        assertBlocked("en", "We will report you to eBay for this review.", "report you");
        assertBlocked("en", "We are considering legal action against you.", "legal action against you");
        assertBlocked("zh-CN", "再这样我们就起诉你。", "起诉你");
    }

    @Test
    void askingForAPositiveReviewIsBlocked() {
        assertBlocked("en", "Please leave us 5 stars once it arrives.", "5 star");
        assertBlocked("en", "A five stars rating would help us a lot.", "five star");
        assertBlocked("en", "Could you change it to a positive review?", "positive review");
        assertBlocked("zh-CN", "麻烦您给个好评。", "好评");
    }

    @Test
    void admissionsOfLiabilityAreWarnedForLegalNotBlocked() {
        assertOnlyWarned("en", "We admit liability for the injury.", "we admit liability");
        assertOnlyWarned("en", "This was our fault entirely.", "our fault entirely");
        assertOnlyWarned("zh-CN", "我们承担全部责任。", "承担全部责任");
    }

    @Test
    void compensationPromisesAndLawyersAreWarnedForLegalNotBlocked() {
        assertOnlyWarned("en", "You will receive full compensation.", "full compensation");
        assertOnlyWarned("en", "Our lawyer will contact you.", "lawyer");
        assertOnlyWarned("zh-CN", "我们的律师会联系您。", "律师");
    }

    @Test
    void politeChineseAndPhoneApostrophesDoNotGetAroundARedLine() {
        assertBlocked("zh-CN", "您错了。", "您错了");
        assertBlocked("zh-CN", "这是您自己的问题。", "您自己的问题");
        assertBlocked("en", "That’s not true.", "that’s not true");
        assertBlocked("en", "You didn’t read the size chart.", "you didn’t read");
    }

    @Test
    void aRedLineHoldsWhateverLanguageTheCaseIsTaggedWith() {
        assertBlocked("en", "我们保证明天发货。", "保证");
        assertBlocked(null, "We guarantee it.", "we guarantee");
        assertBlocked("fr", "5 stars please", "5 star");
    }

    @Test
    void everyHitSaysWhyInEnglishAndChinese() {
        List<Map<String, Object>> hits = check("en", "You are wrong, we guarantee it, our lawyer says so, 好评");
        assertThat(hits).hasSize(4).allSatisfy(hit -> assertThat((String) hit.get("reason"))
                .matches(".*[A-Za-z].* / .*\\p{IsHan}.*")
                .containsPattern("\\((P5|X3|R2|C1|X2)"));
    }

    @Test
    void aCleanSincereReplyHasNoHits() {
        assertThat(check(
                        "en",
                        "We're very sorry your parcel arrived late, and thank you for telling us. We checked the "
                                + "tracking: it waited three days at the carrier's hub. We will refund the shipping cost today, and "
                                + "we have sent you a private message."))
                .isEmpty();
        assertThat(check("zh-CN", "很抱歉您的包裹晚到了，感谢您告诉我们。我们查了物流：包裹在中转站滞留了三天。" + "我们今天会退还运费，并已给您发了私信。"))
                .isEmpty();
    }

    @Test
    void severalHitsAreAllCollected() {
        assertThat(
                        check(
                                "en",
                                "That's not true, it's your fault. We guarantee nothing, but leave 5 stars and talk to our lawyer."))
                .extracting(hit -> hit.get("phrase"), hit -> hit.get("action"))
                .containsExactlyInAnyOrder(
                        tuple("that's not true", "block"),
                        tuple("your fault", "block"),
                        tuple("we guarantee", "block"),
                        tuple("5 star", "block"),
                        tuple("lawyer", "warn"));
        assertThat(check("zh-CN", "你错了，是你自己用错了，我们保证没问题，请给好评，否则找律师。"))
                .extracting(hit -> hit.get("phrase"))
                .containsExactlyInAnyOrder("你错了", "是你自己", "保证", "好评", "律师");
    }

    private void assertBlocked(String language, String draft, String phrase) {
        assertThat(check(language, draft)).as(draft).anySatisfy(hit -> assertThat(hit)
                .containsEntry("phrase", phrase)
                .containsEntry("action", "block"));
    }

    private void assertOnlyWarned(String language, String draft, String phrase) {
        List<Map<String, Object>> hits = check(language, draft);
        assertThat(hits)
                .as(draft)
                .anySatisfy(
                        hit -> assertThat(hit).containsEntry("phrase", phrase).containsEntry("action", "warn"))
                .allSatisfy(hit -> assertThat(hit).containsEntry("action", "warn"));
    }

    private List<Map<String, Object>> check(String language, String draft) {
        return processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.RED_LINES)
                .variables(Variables.createVariables()
                        .putValue("text", draft.toLowerCase(Locale.ROOT))
                        .putValue("language", language))
                .evaluate()
                .getResultList();
    }
}
