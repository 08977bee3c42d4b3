package com.complaintdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extortion-risk decision (E1–E5) over labelled cases: which signals fire and what they add up to, against the
 * default threshold of 60. No single signal, and no innocent combination below, reaches it.
 */
@Deployment(resources = "processes/decisions/extortion-risk.dmn")
class ExtortionRiskDecisionTest {

    static final int THRESHOLD = new AbuseSettings(60).reviewThreshold();

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;

    record Score(int points, List<String> signals) {}

    @Test
    void aClearExtortionFiresEverySignalAndIsFarAboveTheThreshold() {
        Score score = score(5, true, 20, 9.9, true, true, 0, 0);
        assertThat(score.signals()).containsExactly("E1", "E2", "E3", "E4", "E5");
        assertThat(score.points()).isEqualTo(95).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void anInnocentNewCustomerOfANewShopStaysBelowTheThreshold() {
        Score score = score(3, false, 40, 45.0, false, false, 0, 0);
        assertThat(score.signals()).containsExactly("E1", "E3");
        assertThat(score.points()).isLessThan(THRESHOLD);
    }

    @Test
    void aGenuineDamageClaimOnACheapFragileItemStaysBelowTheThreshold() {
        // a new customer of a new shop whose cheap mug really arrived broken
        Score score = score(10, false, 40, 12.0, true, false, 0, 0);
        assertThat(score.signals()).containsExactly("E1", "E3", "E4");
        assertThat(score.points()).isEqualTo(50).isLessThan(THRESHOLD);
    }

    @Test
    void aLoyalCustomerOfAnOldShopHasNoSignalAtAll() {
        assertThat(score(900, false, 2000, 80.0, false, false, 1, 1)).isEqualTo(new Score(0, List.of()));
    }

    @Test
    void unknownAgesFireNothing() {
        assertThat(score(null, false, null, null, true, false, 0, 0)).isEqualTo(new Score(0, List.of()));
    }

    @Test
    void aRepeatComplainerWithManyRefundsWhoPushesOffThePlatformReachesTheThreshold() {
        Score score = score(400, true, 800, 60.0, false, false, 3, 2);
        assertThat(score.signals()).containsExactly("E2", "repeat_complaints", "many_refunds");
        assertThat(score.points()).isEqualTo(65).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void noSingleSignalReachesTheThreshold() {
        List<Score> singles = List.of(
                score(1, false, null, null, false, false, 0, 0),
                score(null, true, null, null, false, false, 0, 0),
                score(null, false, 1, null, false, false, 0, 0),
                score(null, false, null, 1.0, true, false, 0, 0),
                score(null, false, null, null, false, true, 0, 0),
                score(null, false, null, null, false, false, 9, 0),
                score(null, false, null, null, false, false, 0, 9));
        assertThat(singles).allSatisfy(s -> {
            assertThat(s.signals()).hasSize(1);
            assertThat(s.points()).isLessThan(THRESHOLD);
        });
    }

    private Score score(
            Integer accountAgeDays,
            boolean offPlatform,
            Integer shopAgeDays,
            Double itemPrice,
            boolean fragile,
            boolean unusualAddress,
            int priorComplaints,
            int priorCompensations) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("customerAccountAgeDays", accountAgeDays);
        inputs.put("offPlatformContact", offPlatform);
        inputs.put("shopAgeDays", shopAgeDays);
        inputs.put("itemPrice", itemPrice);
        inputs.put("productFragile", fragile);
        inputs.put("unusualShippingAddress", unusualAddress);
        inputs.put("priorComplaints", priorComplaints);
        inputs.put("priorCompensations", priorCompensations);
        List<Map<String, Object>> rules = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.EXTORTION_RISK)
                .variables(inputs)
                .evaluate()
                .getResultList();
        int points = rules.stream()
                .mapToInt(r -> ((Number) r.get("points")).intValue())
                .sum();
        return new Score(
                points, rules.stream().map(r -> (String) r.get("signal")).toList());
    }
}
