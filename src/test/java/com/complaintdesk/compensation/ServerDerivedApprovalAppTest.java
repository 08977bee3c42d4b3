package com.complaintdesk.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #15, end to end through the application: the finding was that an agent raised {@code approvalLimit} and a
 * 5,000 compensation on a 38.50 order ran without a supervisor. With the limit derived at the gateway from the
 * decision and the case's own record, the overwritten variables change nothing: the choice waits for a supervisor.
 */
@AppTest
class ServerDerivedApprovalAppTest {

    private static final String ANA = "ana";
    private static final String SAM = "sam";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    Tasklist tasklist;

    @BeforeEach
    void workAsTasklistDoes() {
        tasklist = new Tasklist(http, management);
    }

    @Test
    void aRaisedApprovalLimitDoesNotLetFiveThousandOnAThirtyEightFiftyOrderPassWithoutASupervisor() {
        Map<String, Object> body = SampleComplaint.body(
                "instagram", "ig-" + UUID.randomUUID(), 20, "The mug arrived broken, the box was crushed.", "en");
        Opened c = tasklist.open(ANA, body);
        String pid = c.processInstanceId();

        tasklist.work(
                ANA,
                pid,
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "packaging_damage",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Broken mug.");
        tasklist.work(
                ANA,
                pid,
                Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Mia, we are very sorry the mug arrived broken, and thank you for telling us.",
                Var.REPLY_CAUSE,
                "We checked: the parcel was crushed on the way.",
                Var.REPLY_SOLUTION,
                "We will sort out a replacement or refund with you within two days.",
                Var.REPLY_INVITATION,
                "We have sent you a message here on Instagram to arrange it.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pid,
                Activity.PREPARE_FOLLOW_UP,
                Var.FOLLOW_UP_FINDINGS,
                "Tracking shows a crushed parcel.",
                Var.ROOT_CAUSE,
                "logistics",
                Var.CUSTOMER_TYPE,
                "compensation",
                Var.CONTACT_CHANNEL,
                "platform_message",
                Var.OPENING_SCRIPT,
                "Hello Mia, this is Ana from the shop's customer care. We are sorry about the mug.",
                Var.RESOLUTION_STEPS,
                "1. We agree on a remedy today. 2. It is carried out within two days.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pid,
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hello Mia, this is Ana from customer care. We are sorry about the mug and will agree on a remedy with you.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "She would like a refund.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                pid,
                Activity.OFFER_COMPENSATION,
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "reshipment_gift",
                Var.OFFER_MESSAGE,
                "We are sorry about the mug. Please choose one of these options:",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.awaitTask(ANA, pid, Activity.RECORD_CUSTOMER_CHOICE);
        assertThat(((Number) runtime.getVariable(pid, Var.APPROVAL_LIMIT)).doubleValue())
                .isEqualTo(100.0);
        assertThat(jdbc.sql(
                                "SELECT option1 FROM cd_compensation_offer WHERE process_instance_id = :pid AND superseded = FALSE")
                        .param("pid", pid)
                        .query(String.class)
                        .single())
                .isEqualTo("full_refund");

        // someone writes the variables the gateway used to read
        runtime.setVariable(pid, Var.APPROVAL_LIMIT, 1_000_000.0);
        runtime.setVariable(pid, Var.EXTORTION_GUARDED, false);
        runtime.setVariable(pid, Var.TIER, "T1");
        tasklist.work(
                ANA,
                pid,
                Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                "full_refund",
                Var.COMPENSATION_AMOUNT,
                5000.0,
                Var.ESCALATE_TO_CRISIS,
                false);

        // C1: above the policy limit of the case (T2 packaging damage: 100), a supervisor decides
        tasklist.awaitTask(SAM, pid, Activity.APPROVE_COMPENSATION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_outbound_message WHERE case_id = :id AND kind = 'REMEDY'")
                        .param("id", c.caseId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
