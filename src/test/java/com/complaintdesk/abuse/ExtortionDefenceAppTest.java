package com.complaintdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E1–E6 through the running application: the shop and shipping address arrive with the complaint, the case's score
 * and signals are stored with it, a supervisor reviews the suspected case and reports it, and the cap holds at the
 * REST API as Tasklist submits the choice.
 */
@AppTest
class ExtortionDefenceAppTest {

    private static final String ANA = "ana";
    private static final String SAM = "sam";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExtortionAssessments assessments;

    Tasklist tasklist;

    @BeforeEach
    void workAsTasklistDoes() {
        tasklist = new Tasklist(http, management);
    }

    private static Map<String, Object> extortion() {
        Map<String, Object> body = SampleComplaint.body(
                "instagram",
                "ig-" + UUID.randomUUID(),
                20,
                "The mug arrived broken. Contact me on WhatsApp +44 7700 900123 and pay 60 USD or more reviews follow.",
                "en");
        SampleComplaint.child(body, "customer")
                .put("accountCreated", LocalDate.now().minusDays(4).toString());
        SampleComplaint.child(body, "product").put("price", 9.90);
        SampleComplaint.child(body, "order").put("value", 9.90);
        SampleComplaint.child(body, "order")
                .put(
                        "shippingAddress",
                        new LinkedHashMap<>(Map.of("country", "US", "region", "AK", "city", "Nome", "remote", true)));
        body.put(
                "shop",
                new LinkedHashMap<>(Map.of(
                        "id",
                        "shop-1",
                        "openedOn",
                        LocalDate.now().minusDays(20).toString(),
                        "country",
                        "US")));
        return body;
    }

    @Test
    void aSuspectedCaseIsScoredReviewedReportedAndCappedThroughTheApplication() {
        Opened c = tasklist.open(ANA, extortion());

        Map<String, Object> record = jdbc.sql(
                        "SELECT extortion_score, extortion_signals FROM cd_complaint WHERE id = :id")
                .param("id", c.caseId())
                .query()
                .singleRow();
        assertThat(((Number) record.get("extortion_score")).intValue()).isEqualTo(95);
        assertThat(record.get("extortion_signals")).isEqualTo("E1,E2,E3,E4,E5");
        assertThat(assessments.forCase(c.caseId()))
                .singleElement()
                .satisfies(a -> assertThat(a.step()).isEqualTo("triage"))
                .satisfies(a -> assertThat(a.suspected()).isTrue())
                .satisfies(a -> assertThat(a.assessedBy()).isEqualTo(ANA));

        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "packaging_damage",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Broken mug, asks for money on WhatsApp.");
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Mia, we are very sorry the mug arrived broken, and thank you for telling us.",
                Var.REPLY_CAUSE,
                "We checked: the parcel was handed to the carrier intact and crushed on the way.",
                Var.REPLY_SOLUTION,
                "We will sort out a replacement or refund with you within two days.",
                Var.REPLY_INVITATION,
                "We have sent you a message here on Instagram to arrange it.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                Var.FOLLOW_UP_FINDINGS,
                "Tracking shows delivery to a remote address; the account is four days old.",
                Var.ROOT_CAUSE,
                "logistics",
                Var.CUSTOMER_TYPE,
                "compensation",
                Var.CONTACT_CHANNEL,
                "platform_message",
                Var.OPENING_SCRIPT,
                "Hello Mia, this is Ana from the shop's customer care. We are sorry about the broken mug.",
                Var.RESOLUTION_STEPS,
                "1. We agree on a remedy today. 2. It is carried out within two days.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hello Mia, this is Ana from customer care. We are sorry about the mug and will agree on a remedy with you here.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "She insists on WhatsApp and on cash.",
                Var.ESCALATE_TO_CRISIS,
                false);

        // E6: the supervisor reviews before any option is offered; agents do not see the task
        tasklist.awaitTask(SAM, c.processInstanceId(), Activity.REVIEW_EXTORTION_RISK);
        assertThat(tasklist.tasks(ANA, c.processInstanceId(), Activity.REVIEW_EXTORTION_RISK))
                .isEmpty();
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.REVIEW_EXTORTION_RISK,
                Var.EXTORTION_REVIEW_DECISION,
                "guard",
                Var.REPORT_TO_PLATFORM,
                true,
                Var.EXTORTION_REVIEW_NOTE,
                "Four-day-old account asking for cash off the platform.");
        assertThat(jdbc.sql("SELECT kind FROM cd_evidence WHERE case_id = :id")
                        .param("id", c.caseId())
                        .query(String.class)
                        .list())
                .contains(PreserveExtortionEvidenceDelegate.KIND, "conversation");
        tasklist.poll(
                () -> jdbc.sql(
                                                "SELECT COUNT(*) FROM cd_outbound_message WHERE case_id = :id AND kind = 'REPORT_TO_PLATFORM'")
                                        .param("id", c.caseId())
                                        .query(Integer.class)
                                        .single()
                                == 1
                        ? true
                        : null,
                () -> "no report to the platform for " + c.caseId());

        // the offer form shows the cap, and an option costing more than the customer paid is refused
        String offer = tasklist.awaitTask(ANA, c.processInstanceId(), Activity.OFFER_COMPENSATION);
        tasklist.claim(ANA, offer);
        ResponseEntity<JsonNode> overCap = tasklist.submitForm(
                ANA,
                offer,
                Tasklist.values(
                        Var.COMPENSATION_OPTION_1,
                        "full_refund",
                        Var.COMPENSATION_AMOUNT_1,
                        9.9,
                        Var.COMPENSATION_OPTION_2,
                        "reshipment",
                        Var.COMPENSATION_AMOUNT_2,
                        25.0,
                        Var.OFFER_MESSAGE,
                        "Please choose one of these options:",
                        Var.ESCALATE_TO_CRISIS,
                        false));
        assertThat(overCap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overCap.getBody().toString())
                .contains("compensationAmount2")
                .doesNotContain("compensationAmount1")
                .contains("must not be more than 9.9");
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.OFFER_COMPENSATION,
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "reshipment",
                Var.OFFER_MESSAGE,
                "We are sorry about the mug. Please choose one of these options:",
                Var.ESCALATE_TO_CRISIS,
                false);
        String choice = tasklist.awaitTask(ANA, c.processInstanceId(), Activity.RECORD_CUSTOMER_CHOICE);
        tasklist.claim(ANA, choice);
        ResponseEntity<JsonNode> refused = tasklist.submitForm(
                ANA,
                choice,
                Tasklist.values(
                        Var.CHOSEN_COMPENSATION,
                        "full_refund",
                        Var.COMPENSATION_AMOUNT,
                        60.0,
                        Var.ESCALATE_TO_CRISIS,
                        false));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("compensationAmount").contains("E6");

        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                "full_refund",
                Var.COMPENSATION_AMOUNT,
                9.9,
                Var.ESCALATE_TO_CRISIS,
                false);
        // no limit on the guarded path: the supervisor approves even this
        tasklist.awaitTask(SAM, c.processInstanceId(), Activity.APPROVE_COMPENSATION);
        assertThat(assessments.forCase(c.caseId()))
                .extracting(ExtortionAssessments.Assessment::step)
                .containsExactly("triage", "compensation", "review");
    }

    @Test
    void intakeRefusesAShopOrAddressCountryThatIsNoCountryCode() {
        Map<String, Object> body = extortion();
        SampleComplaint.child(body, "shop").put("country", "Germany");
        @SuppressWarnings("unchecked")
        Map<String, Object> address =
                (Map<String, Object>) SampleComplaint.child(body, "order").get("shippingAddress");
        address.put("country", "usa");
        ResponseEntity<JsonNode> response = tasklist.post(ANA, "/api/complaints", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = response.getBody().path("errors").findValuesAsText("field");
        assertThat(fields).contains("shop.country", "order.shippingAddress.country");
    }
}
