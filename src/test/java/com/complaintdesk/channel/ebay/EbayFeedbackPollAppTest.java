package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The poll of the Commerce Feedback API (T7) against WireMock serving getFeedback's documented response
 * (https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:GetFeedbackResponse: {@code feedbackEntries} and
 * {@code pagination}).
 */
class EbayFeedbackPollAppTest extends EbayAppTestBase {

    @Autowired
    EbayFeedbackIntake feedbacks;

    @Autowired
    EbayFeedbackPoll configuredPoll;

    EbayFeedbackPoll poll;

    @org.junit.jupiter.api.BeforeEach
    void livePoll() {
        poll = new EbayFeedbackPoll(liveApi(), feedbacks, live());
    }

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Test
    void negativeAndNeutralFeedbackOpenOneCaseEachAndPositiveNone() {
        String negative = feedbackId();
        String neutral = feedbackId();
        String positive = feedbackId();
        stubPage(
                0,
                page(
                        null,
                        entry(negative, "NEGATIVE", "Arrived smashed. Seller never answered.", "mia_chen_77"),
                        entry(neutral, "NEUTRAL", "Slow shipping, mug ok", "tom.becker"),
                        entry(positive, "POSITIVE", "Great mug, fast shipping", "happy_buyer")));

        EbayFeedbackPoll.Result result = poll.pollOnce();

        assertThat(result.succeeded()).isTrue();
        assertThat(caseOf(negative))
                .containsEntry("text", "Arrived smashed. Seller never answered.")
                .containsEntry("customer_id", "mia_chen_77")
                .containsEntry("language", "en")
                .containsEntry("received_by", "channel:ebay");
        assertThat(caseOf(neutral)).containsEntry("text", "Slow shipping, mug ok");
        assertThat(cases(positive)).isZero();
        ProcessInstance instance = instanceOf(negative);
        assertThat(runtime.getVariable(instance.getId(), Var.ORDER_ID)).isEqualTo("110553012345-2938475610");
        assertThat(runtime.getVariable(instance.getId(), Var.PRODUCT_SKU)).isEqualTo("110553012345");
        EBAY.verify(getRequestedFor(urlPathEqualTo(EbayApi.FEEDBACK))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withQueryParam("feedback_type", equalTo("FEEDBACK_RECEIVED"))
                .withQueryParam("filter", equalTo("commentType:{NEGATIVE|NEUTRAL}"))
                .withQueryParam("user_id", equalTo("the-mug-shop"))
                .withQueryParam("offset", equalTo("0")));
    }

    @Test
    void aSecondPollOverTheSamePagesOpensNothingNewAndStopsAtTheFirstKnownPage() {
        String first = feedbackId();
        String second = feedbackId();
        stubPage(
                0,
                page(
                        "/commerce/feedback/v1/feedback?offset=1&limit=25",
                        entry(first, "NEGATIVE", "Cracked glaze", "buyer_one")));
        stubPage(1, page(null, entry(second, "NEGATIVE", "Handle fell off", "buyer_two")));

        assertThat(poll.pollOnce().pages()).isEqualTo(2);
        assertThat(cases(first)).isOne();
        assertThat(cases(second)).isOne();

        EbayFeedbackPoll.Result again = poll.pollOnce();

        assertThat(again.succeeded()).isTrue();
        assertThat(again.newEntries()).isZero();
        assertThat(again.pages()).as("the first page held nothing new").isOne();
        assertThat(cases(first)).isOne();
        assertThat(cases(second)).isOne();
    }

    @Test
    void anEbayErrorEndsThePollWithoutCasesAndTheNextPollTakesThemIn() {
        String feedback = feedbackId();
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.FEEDBACK))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"errors\":[{\"errorId\":250000,\"message\":\"There was a problem with an eBay internal system or process.\"}]}"))
                .willSetStateTo("recovered"));
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.FEEDBACK))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(page(null, entry(feedback, "NEGATIVE", "Never arrived", "late_buyer")))));

        EbayFeedbackPoll.Result failed = poll.pollOnce();

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.problem()).contains("500", "250000");
        assertThat(cases(feedback)).isZero();

        assertThat(poll.pollOnce().succeeded()).isTrue();
        assertThat(cases(feedback)).isOne();
    }

    @Test
    void aChineseFeedbackOpensACaseInChinese() {
        String feedback = feedbackId();
        stubPage(0, page(null, entry(feedback, "NEGATIVE", "杯子碎了，卖家不回复", "wang_li")));

        poll.pollOnce();

        assertThat(caseOf(feedback)).containsEntry("language", "zh");
    }

    /** R3: the buyer revised the feedback while the case waits for the review's outcome. */
    @Test
    void feedbackRevisedToNeutralWhileTheCaseWaitsForTheOutcomeRecordsTheReviewAsUpdated() {
        String feedback = feedbackId();
        stubPage(0, page(null, entry(feedback, "NEGATIVE", "Broken on arrival", "revising_buyer")));
        poll.pollOnce();
        String processInstanceId = instanceOf(feedback).getId();
        moveTo(processInstanceId, Activity.RECORD_REVIEW_OUTCOME);

        EBAY.resetAll();
        stubPage(
                0,
                page(
                        null,
                        entry(
                                feedback,
                                "NEUTRAL",
                                "Broken on arrival, but the seller replaced it at once",
                                "revising_buyer")));
        poll.pollOnce();

        assertThat(runtime.getVariable(processInstanceId, Var.REVIEW_OUTCOME)).isEqualTo("updated");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(Activity.REVIEW_OUTCOME_RECEIVED)
                        .finished()
                        .count())
                .isOne();
        assertThat(cases(feedback)).isOne();

        // The same revision on the next poll changes nothing more.
        poll.pollOnce();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(Activity.CLOSE_CASE)
                        .count())
                .isOne();
    }

    @Test
    void withoutAnAccessTokenThePollAsksNothing() {
        EbayFeedbackPoll.Result result = configuredPoll.pollOnce();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problem()).contains("not configured");
        assertThat(EBAY.getAllServeEvents()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void stubPage(int offset, String body) {
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.FEEDBACK))
                .withQueryParam("offset", equalTo(String.valueOf(offset)))
                .willReturn(okJson(body)));
    }

    /** getFeedback's response: the entries and pagination with {@code next} when there is a further page. */
    static String page(String next, String... entries) {
        return """
                {"feedbackEntries": [%s],
                 "pagination": {"count": %d, "limit": 25, "offset": 0, "total": %d%s}}
                """
                .formatted(
                        String.join(",", List.of(entries)),
                        entries.length,
                        entries.length,
                        next == null ? "" : ", \"next\": \"" + next + "\"");
    }

    private ProcessInstance instanceOf(String feedbackId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey("ebay:" + feedbackId)
                .singleResult();
    }

    private void moveTo(String processInstanceId, String activityId) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        ProcessInstanceModificationBuilder modification =
                runtime.createProcessInstanceModification(processInstanceId).startBeforeActivity(activityId);
        for (ActivityInstance child : tree.getChildActivityInstances()) {
            modification.cancelActivityInstance(child.getId());
        }
        modification.execute();
    }
}
