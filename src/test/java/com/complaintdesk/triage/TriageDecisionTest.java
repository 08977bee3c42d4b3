package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The triage decision (T1–T3), and Chinese texts end to end through the classifier and the decision. */
@Deployment(resources = "processes/decisions/triage.dmn")
class TriageDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;
    final KeywordClassifier classifier = KeywordClassifier.withDefaultLexicon();

    @Test
    void safetyIsT1() {
        assertThat(triage("quality,safety", 0, null, 0))
                .containsEntry("suggestedTier", "T1")
                .containsEntry("suggestedCategory", "safety");
    }

    @Test
    void fraudIsT1() {
        assertThat(triage("fraud", 0, 20.0, 0))
                .containsEntry("suggestedTier", "T1")
                .containsEntry("suggestedCategory", "fraud");
    }

    @Test
    void moneyLossIsT1OnlyFromAnOrderValueOf500() {
        assertThat(triage("money_loss", 0, 500.0, 0)).containsEntry("suggestedTier", "T1");
        assertThat(triage("money_loss", 0, 499.99, 0)).containsEntry("suggestedTier", "T3");
        assertThat(triage("money_loss", 0, null, 0))
                .containsEntry("suggestedTier", "T3")
                .containsEntry("suggestedCategory", "other");
    }

    @Test
    void aViralPostIsT1AndKeepsItsCategory() {
        assertThat(triage("quality", 20, null, 0))
                .containsEntry("suggestedTier", "T1")
                .containsEntry("suggestedCategory", "quality");
        assertThat(triage("suggestion", 19.9, null, 0)).containsEntry("suggestedTier", "T3");
    }

    @Test
    void qualityShippingAttitudeAndPackagingAreT2() {
        assertThat(triage("quality", 0, null, 0))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "quality");
        assertThat(triage("shipping_delay", 0, null, 0))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "shipping_delay");
        assertThat(triage("service_attitude", 0, null, 0))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "service_attitude");
        assertThat(triage("packaging_damage,quality", 0, null, 0))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "packaging_damage");
    }

    @Test
    void aDeliveryLaterThanPromisedIsT2ShippingDelayEvenWhenTheTextDoesNotSaySo() {
        assertThat(triage("", 0, 30.0, 1))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "shipping_delay");
        assertThat(triage("", 0, 30.0, 0))
                .containsEntry("suggestedTier", "T3")
                .containsEntry("suggestedCategory", "other");
    }

    @Test
    void misunderstandingSuggestionAndMildAreT3() {
        assertThat(triage("misunderstanding", 0, null, 0))
                .containsEntry("suggestedTier", "T3")
                .containsEntry("suggestedCategory", "product_misunderstanding");
        assertThat(triage("suggestion", 0, null, 0)).containsEntry("suggestedCategory", "suggestion");
        assertThat(triage("mild", 0, null, 0))
                .containsEntry("suggestedTier", "T3")
                .containsEntry("suggestedCategory", "other");
    }

    @Test
    void chineseSafetyComplaintIsT1() {
        assertThat(classifyAndTriage("宝宝用了这个奶瓶后过敏，去了医院，太危险了"))
                .containsEntry("suggestedTier", "T1")
                .containsEntry("suggestedCategory", "safety");
    }

    @Test
    void chineseCounterfeitComplaintIsT1Fraud() {
        assertThat(classifyAndTriage("收到的是假货，你们就是骗子"))
                .containsEntry("suggestedTier", "T1")
                .containsEntry("suggestedCategory", "fraud");
    }

    @Test
    void chinesePackagingComplaintIsT2() {
        assertThat(classifyAndTriage("快递到了，包装破损，杯子压坏了"))
                .containsEntry("suggestedTier", "T2")
                .containsEntry("suggestedCategory", "packaging_damage");
    }

    @Test
    void chineseSuggestionIsT3() {
        assertThat(classifyAndTriage("衣服很好看，建议多出几个颜色"))
                .containsEntry("suggestedTier", "T3")
                .containsEntry("suggestedCategory", "suggestion");
    }

    private Map<String, Object> classifyAndTriage(String text) {
        return triage(classifier.classify(text).signalsAsText(), 0, 100.0, 0);
    }

    private Map<String, Object> triage(String signals, double engagementPerHour, Double orderValue, int daysLate) {
        VariableMap variables = Variables.createVariables()
                .putValue("signals", signals)
                .putValue("engagementPerHour", engagementPerHour)
                .putValue("orderValue", orderValue)
                .putValue("daysLate", daysLate);
        DmnDecisionResultEntries result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.TRIAGE)
                .variables(variables)
                .evaluate()
                .getSingleResult();
        return result.getEntryMap();
    }
}
