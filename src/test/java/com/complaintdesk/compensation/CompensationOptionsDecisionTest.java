package com.complaintdesk.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compensation-options decision (C1–C4, E6): which two or three packages the agent offers, and the largest
 * amount the agent may give without a supervisor. Generosity grows with severity and customer value; ordinary
 * cases are not over-compensated.
 */
@Deployment(resources = "processes/decisions/compensation-options.dmn")
class CompensationOptionsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;

    @Test
    void aCrisisGetsTheMostGenerousOptionsWhateverElseIsTrue() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (String customerType : Arrays.asList("apology", "compensation", null)) {
                assertThat(options("T1", category, customerType, 12.0, 0))
                        .as(category + " " + customerType)
                        .isEqualTo(offer("full_refund_return_shipping", "reshipment_gift", "full_refund", 200.0));
            }
        }
    }

    @Test
    void aLoyalCustomerWithAnImportantCaseGetsReturnShippingPaidBeforeAnyCategoryRule() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            assertThat(options("T2", category, "apology", 30.0, 10))
                    .as(category)
                    .isEqualTo(offer("full_refund_return_shipping", "reshipment_gift", "coupon", 150.0));
        }
        assertThat(options("T2", "quality", "compensation", null, 57))
                .isEqualTo(offer("full_refund_return_shipping", "reshipment_gift", "coupon", 150.0));
    }

    @Test
    void nineOrdersAreNotYetLoyal() {
        assertThat(options("T2", "shipping_delay", "compensation", 30.0, 9))
                .isEqualTo(offer("partial_refund", "coupon", null, 50.0));
    }

    @Test
    void importantQualityOrPackagingProblemsGetARefundOrAReplacementWithAGift() {
        assertThat(options("T2", "quality", "compensation", 80.0, 1))
                .isEqualTo(offer("full_refund", "reshipment_gift", null, 100.0));
        assertThat(options("T2", "packaging_damage", "compensation", 80.0, 1))
                .isEqualTo(offer("full_refund", "reshipment_gift", null, 100.0));
    }

    @Test
    void theCategoryRulesComeBeforeTheCustomerWantingOnlyAnApology() {
        assertThat(options("T2", "quality", "apology", 80.0, 1))
                .isEqualTo(offer("full_refund", "reshipment_gift", null, 100.0));
        assertThat(options("T2", "shipping_delay", "apology", 80.0, 1))
                .isEqualTo(offer("partial_refund", "coupon", null, 50.0));
    }

    @Test
    void anImportantShippingDelayGetsAPartialRefundOrACoupon() {
        assertThat(options("T2", "shipping_delay", "compensation", 40.0, 2))
                .isEqualTo(offer("partial_refund", "coupon", null, 50.0));
    }

    @Test
    void anAgentsAttitudeGetsACouponOrAGift() {
        assertThat(options("T2", "service_attitude", "compensation", 40.0, 2))
                .isEqualTo(offer("coupon", "gift", null, 30.0));
    }

    @Test
    void anImportantCaseOfACustomerWhoMostlyWantsAnApologyGetsACouponOrAGift() {
        assertThat(options("T2", "other", "apology", 40.0, 2)).isEqualTo(offer("coupon", "gift", null, 30.0));
        assertThat(options("T2", "product_misunderstanding", "apology", 40.0, null))
                .isEqualTo(offer("coupon", "gift", null, 30.0));
    }

    @Test
    void anyOtherImportantCaseGetsAPartialRefundOrAReplacement() {
        assertThat(options("T2", "other", "compensation", 40.0, 2))
                .isEqualTo(offer("partial_refund", "reshipment", null, 50.0));
        assertThat(options("T2", "other", null, null, null))
                .isEqualTo(offer("partial_refund", "reshipment", null, 50.0));
    }

    @Test
    void aGeneralCaseOfACustomerWhoMostlyWantsCompensationGetsACouponOrAGiftAtMost() {
        assertThat(options("T3", "product_misunderstanding", "compensation", 25.0, 1))
                .isEqualTo(offer("coupon", "gift", null, 20.0));
    }

    @Test
    void noOrdinaryGeneralCaseGetsCompensation() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (String customerType : Arrays.asList("apology", null)) {
                // not even for a loyal customer with a big order: T3 is mild dissatisfaction (C1, E6)
                assertThat(options("T3", category, customerType, 900.0, 40))
                        .as(category + " " + customerType)
                        .isEqualTo(offer("none", null, null, 0.0));
            }
        }
    }

    @Test
    void generosityGrowsWithSeverity() {
        double crisis = (Double) options("T1", "other", null, null, null).get("approvalLimit");
        double importantAtMost = 0;
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (Integer orders : Arrays.asList(0, 10)) {
                importantAtMost = Math.max(importantAtMost, (Double)
                        options("T2", category, "compensation", null, orders).get("approvalLimit"));
            }
        }
        double generalAtMost =
                (Double) options("T3", "other", "compensation", null, 10).get("approvalLimit");
        assertThat(crisis).isGreaterThan(importantAtMost);
        assertThat(importantAtMost).isGreaterThan(generalAtMost);
    }

    @Test
    void everyOfferIsAChoiceOfTwoOrThreeDistinctPackagesExceptNone() {
        for (String tier : ComplaintLifecycle.Tier.ALL) {
            for (String category : ComplaintLifecycle.Category.ALL) {
                for (String customerType : Arrays.asList("apology", "compensation")) {
                    for (Integer orders : Arrays.asList(0, 10)) {
                        Map<String, Object> offer = options(tier, category, customerType, 50.0, orders);
                        if ("none".equals(offer.get("compensationOption1"))) {
                            continue;
                        }
                        assertThat(offer.get("compensationOption1"))
                                .isNotNull()
                                .isNotEqualTo(offer.get("compensationOption2"));
                        assertThat(offer.get("compensationOption2"))
                                .isNotNull()
                                .isNotEqualTo(offer.get("compensationOption3"));
                        assertThat(offer.get("compensationOption3")).isNotEqualTo(offer.get("compensationOption1"));
                        assertThat((Double) offer.get("approvalLimit")).isPositive();
                    }
                }
            }
        }
    }

    private static Map<String, Object> offer(String option1, String option2, String option3, double approvalLimit) {
        Map<String, Object> offer = new java.util.HashMap<>();
        offer.put("compensationOption1", option1);
        offer.put("compensationOption2", option2);
        offer.put("compensationOption3", option3);
        offer.put("approvalLimit", approvalLimit);
        return offer;
    }

    private Map<String, Object> options(
            String tier, String category, String customerType, Double orderValue, Integer lifetimeOrders) {
        DmnDecisionResultEntries result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.COMPENSATION_OPTIONS)
                .variables(Variables.createVariables()
                        .putValue("tier", tier)
                        .putValue("category", category)
                        .putValue("customerType", customerType)
                        .putValue("orderValue", orderValue)
                        .putValue("customerLifetimeOrders", lifetimeOrders))
                .evaluate()
                .getSingleResult();
        assertThat(result).as(tier + " " + category + " " + customerType).isNotNull();
        return result.getEntryMap();
    }
}
