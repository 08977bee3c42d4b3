package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.crisis.ComplaintCrisis;
import com.complaintdesk.evidence.EvidenceItem;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.intake.CaseSummary;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole cases, one per tier, through the running application as people work them: intake over
 * {@code POST /api/complaints}, every user task found, claimed and submitted through the engine REST API the way
 * Tasklist does it, by the user whose role the step belongs to, and every asynchronous step (publishing, messages,
 * compensation, the review request after its cool-off) left to the application's job executor.
 */
@AppTest
class CaseLifecycleAppTest {

    private static final String ANA = "ana";
    private static final String SAM = "sam";
    private static final String LENA = "lena";
    private static final String OLGA = "olga";

    /** A template's blank for the agent to fill in: "[name]", "[order number]", "[称呼]". */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]]+\\]");
    /** An amount with its currency in a REMEDY action's text, e.g. "24.50 USD". */
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?) [A-Z]{3}\\b");

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    SlaEvents slaEvents;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    JdbcClient jdbc;

    Tasklist tasklist;

    @BeforeEach
    void workAsTasklistDoes() {
        tasklist = new Tasklist(http, management);
    }

    // ------------------------------------------------------------------------------------------------ whole cases

    /**
     * T1, T5, X2–X4, P1–P6, F1–F7, C1–C4, R2–R4, A4: a burn from a mug on WeChat, in Chinese. Ana triages it as a
     * crisis; from then on the case's work is the supervisors' (sam). The crisis response runs beside it: sam takes
     * over and proposes a pause and a statement, the owners (olga) pause the listing, legal (lena) approves the
     * crisis reply and the official statement.
     */
    @Test
    void crisisOnWeChatInChineseIsTakenOverByASupervisorWithPauseStatementAndRetrospective() {
        Map<String, Object> body = SampleComplaint.body(
                "wechat", "wx-" + UUID.randomUUID(), 12, "杯子倒进开水后直接裂开，我的手被烫伤了，已经去了医院。这个杯子有安全隐患，请马上处理！", "zh-CN");
        SampleComplaint.child(body, "customer").put("name", "王女士");
        SampleComplaint.child(body, "customer").put("timezone", "Asia/Shanghai");
        SampleComplaint.child(body, "order").put("currency", "CNY");
        SampleComplaint.child(body, "order").put("value", 168.00);
        SampleComplaint.child(body, "order").put("promisedDelivery", "2026-11-20");
        SampleComplaint.child(body, "product").put("title", "陶瓷马克杯 350 ml");
        Opened c = tasklist.open(ANA, body);

        // T1–T3: the agent confirms the suggested crisis; T5: no approval in between
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T1",
                Var.CATEGORY,
                "safety",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "顾客烫伤并已就医，属于安全问题，直接升级给主管。");

        // the crisis response of the case (X2–X4)
        String crisis = awaitCrisisInstance(c.businessKey());
        tasklist.work(
                SAM,
                crisis,
                ComplaintCrisis.Activity.TAKE_OVER,
                ComplaintCrisis.Var.CRISIS_SUMMARY,
                "顾客使用开水后杯子开裂并烫伤手部，已就医。已下架同批次库存待检，聊天记录、订单和物流信息已保存。",
                ComplaintCrisis.Var.PROPOSE_PAUSE,
                true,
                ComplaintCrisis.Var.STATEMENT_NEEDED,
                true);
        tasklist.work(
                OLGA,
                crisis,
                ComplaintCrisis.Activity.DECIDE_ON_PAUSE,
                ComplaintCrisis.Var.PAUSE_DECISION,
                "pause",
                ComplaintCrisis.Var.PAUSE_NOTE,
                "Pause MUG-CER-350 until the supplier's heat test of the batch is back.");
        awaitMessage(c.caseId(), MessageKind.PAUSE_LISTING);

        // P1–P6: the first reply, drafted by the supervisor, approved by legal (T1 reply needs approval, X2, X3)
        List<String> reply = List.of(
                "王女士，非常抱歉您被烫伤了，也谢谢您第一时间告诉我们，您的安全比任何商品都重要。",
                "我们正在和供应商一起检查这批陶瓷马克杯的耐热性能，目前已确认这批杯子在倒入开水时可能开裂。",
                "我们会在 3 个工作日内全额退款，并承担您的就医费用；检测结果出来后，我们会第一时间告诉您。",
                "我们已通过微信私信联系您，想详细了解您的情况，并由专人全程跟进。");
        tasklist.work(SAM, c.processInstanceId(), Activity.DRAFT_REPLY, draftReply(reply));
        tasklist.work(
                LENA,
                c.processInstanceId(),
                Activity.APPROVE_REPLY,
                Var.REPLY_DECISION,
                "approve",
                Var.REPLY_REVIEW_NOTE,
                "措辞诚恳，没有推卸责任，也没有越过红线，可以发布。");

        // X3: the official statement, approved by legal, published after the reply
        String prepareFollowUp = tasklist.awaitTask(SAM, c.processInstanceId(), Activity.PREPARE_FOLLOW_UP);
        tasklist.work(
                SAM,
                crisis,
                ComplaintCrisis.Activity.DRAFT_STATEMENT,
                ComplaintCrisis.Var.STATEMENT_TEXT,
                "关于陶瓷马克杯 350 ml 的说明：我们收到一位顾客使用时被烫伤的反馈，已暂停销售该商品，" + "并委托第三方对同批次商品做耐热检测。已购买的顾客可以联系客服办理退款，检测结果将在本店公布。");
        tasklist.work(
                LENA,
                crisis,
                ComplaintCrisis.Activity.APPROVE_STATEMENT,
                ComplaintCrisis.Var.STATEMENT_DECISION,
                "approve",
                ComplaintCrisis.Var.STATEMENT_REVIEW_NOTE,
                "声明只陈述事实和措施，没有不当承诺，同意发布。");
        HistoricProcessInstance crisisEnded = awaitEnded(crisis);
        assertThat(crisisEnded.getEndActivityId()).isEqualTo(ComplaintCrisis.Activity.END);

        // F1–F7: private follow-up, by the supervisor who owns the case
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                prepareFollowUp(
                        "订单显示 11 月 19 日签收；同批次库存抽检中有两只杯子在 95℃ 热水中出现裂纹。",
                        "quality",
                        "compensation",
                        "wechat",
                        "王女士您好，我是店铺客服主管 Samira。收到您的消息后，我们已经暂停销售这批杯子并请供应商检测。让您受伤，真的非常抱歉。",
                        "1. 今天内办理全额退款（1 个工作日到账）。2. 就医费用凭票据报销（3 个工作日）。3. 检测结果出来后告知您（约 1 周）。"),
                prepareFollowUp);
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "王女士您好，我是店铺客服主管 Samira。我们已暂停销售这批杯子并送检。今天会为您办理全额退款，就医费用凭票据报销，检测结果出来后第一时间告诉您。",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "已电话联系王女士，手部轻度烫伤，已就医；希望尽快退款并报销医药费。",
                Var.ESCALATE_TO_CRISIS,
                false);

        // C1–C4: two or three options, the customer's choice within the limit, executed through the channel
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.OFFER_COMPENSATION,
                Var.COMPENSATION_OPTION_1,
                "full_refund_return_shipping",
                Var.COMPENSATION_OPTION_2,
                "reshipment_gift",
                Var.COMPENSATION_OPTION_3,
                "full_refund",
                Var.OFFER_MESSAGE,
                "王女士，再次向您致歉。以下方案请您选择最方便的一种：",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                "full_refund_return_shipping",
                Var.COMPENSATION_AMOUNT,
                188.0,
                Var.CHOICE_NOTE,
                "顾客选择全额退款，退货运费 20 元由我们承担。",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.CONFIRM_RESOLUTION,
                Var.PROBLEM_RESOLVED,
                "yes",
                Var.CUSTOMER_SATISFIED,
                "yes",
                Var.RESOLUTION_SUMMARY,
                "退款和医药费已到账，顾客表示满意。",
                Var.ESCALATE_TO_CRISIS,
                false);

        // R2–R4: asked once after the cool-off; the customer edited the review
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.RECORD_REVIEW_OUTCOME,
                Var.REVIEW_OUTCOME,
                "updated",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.CLOSE_CASE,
                Var.ROOT_CAUSE,
                "quality",
                Var.RESOLUTION_SUMMARY,
                "同批次杯子耐热不合格，已全额退款并报销医药费，商品暂停销售，供应商整改。",
                Var.CUSTOMER_SATISFACTION,
                "satisfied",
                Var.ESCALATE_TO_CRISIS,
                false);
        // A4: every T1 case gets a retrospective
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.HOLD_RETROSPECTIVE,
                Var.RETROSPECTIVE_CAUSE,
                "systemic",
                Var.RETROSPECTIVE_FINDINGS,
                "The supplier changed the glaze without telling us; no heat test at goods-in.",
                Var.RETROSPECTIVE_ACTION,
                "Heat-test a sample of every ceramic batch at goods-in; supplier must announce changes.",
                Var.TRAINING_CASE,
                true);

        assertCaseClosed(c);
        assertMessages(
                c.caseId(),
                reply,
                tuple(MessageKind.PAUSE_LISTING, "action"),
                tuple(MessageKind.REPLY, "public"),
                tuple(MessageKind.STATEMENT, "public"),
                tuple(MessageKind.PRIVATE_MESSAGE, "private"),
                tuple(MessageKind.COMPENSATION_OFFER, "private"),
                tuple(MessageKind.REMEDY, "action"),
                tuple(MessageKind.REMEDY, "action"),
                tuple(MessageKind.REVIEW_REQUEST, "private"));
        CaseSummary record = assertCaseRecord(c.caseId(), "T1", "safety", "quality", "updated");
        assertThat(record.compensation()).isEqualTo("full_refund_return_shipping");
        assertThat(record.compensationAmount()).isEqualByComparingTo("188.00");
        assertBothClocksStartedAndStopped(c.caseId());
        assertThat(usersWhoCompletedTasks(c.processInstanceId())).containsExactlyInAnyOrder(ANA, SAM, LENA);
        assertThat(usersWhoCompletedTasks(crisis)).containsExactlyInAnyOrder(SAM, OLGA, LENA);
        assertRetrospectiveHeldBy(c.caseId(), SAM);
        // X4: the complaint as received, the order at triage, the crisis' snapshots and the order at closure,
        // hash-chained
        // (the messages delivered, kind "outbound", are kept in between once the outbox announces its deliveries)
        assertThat(evidence.forCase(c.caseId()))
                .extracting(EvidenceItem::kind)
                .filteredOn(kind -> !kind.equals("outbound"))
                .containsExactly("complaint", "order", "complaint", "order", "conversation", "order");
        assertThat(evidence.check(c.caseId(), java.time.OffsetDateTime.now())
                        .verification()
                        .valid())
                .isTrue();
        assertWhatTheCustomerAndThePlatformGet(c.caseId(), record);
    }

    /**
     * T2, P1–P6, F1–F7, C1–C4, R2–R4, A4: a broken item on eBay. Ana works the whole case; the customer chooses one of
     * two options within the agent's limit, updates the feedback, and sam holds the retrospective.
     */
    @Test
    void importantQualityComplaintOnEbayGetsCompensationAReviewUpdateAndARetrospective() {
        Map<String, Object> body = SampleComplaint.body(
                "ebay",
                "eb-" + UUID.randomUUID(),
                40,
                "Mug arrived with the handle broken off and a crack in the glaze. Poor quality for the price.",
                "en");
        SampleComplaint.child(body, "customer").put("name", "Tom Becker");
        SampleComplaint.child(body, "customer").put("timezone", "Europe/Berlin");
        SampleComplaint.child(body, "order").put("promisedDelivery", "2026-11-20");
        Opened c = tasklist.open(ANA, body);

        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "quality",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Defect on arrival, photos attached to the feedback.");
        // eBay takes a public reply of at most 80 characters: the short public part, the details in the message.
        List<String> reply = List.of("Sorry, Tom.", "Badly glued handles.", "Refund or new mug.", "See eBay messages.");
        tasklist.work(ANA, c.processInstanceId(), Activity.DRAFT_REPLY, draftReply(reply));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                prepareFollowUp(
                        "Order delivered on time; two other buyers of this batch reported loose handles last week.",
                        "quality",
                        "compensation",
                        "platform_message",
                        "Hello Tom, this is Ana, customer care at the shop. We have checked the batch your mug came from. We are sorry it let you down.",
                        "1. You choose refund or replacement today. 2. Replacement ships within 1 day, arrives in 3. 3. Refund reaches you in 2 days."));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hello Tom, this is Ana from customer care. The handles of your batch were not fired on properly; we can refund you or send a replacement from the new batch.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "Tom would like a working mug before his sister's birthday.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.OFFER_COMPENSATION,
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "reshipment_gift",
                Var.OFFER_MESSAGE,
                "Tom, here are two ways we can put this right; please choose the one that suits you:",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                "reshipment_gift",
                Var.COMPENSATION_AMOUNT,
                24.5,
                Var.CHOICE_NOTE,
                "Replacement mug plus a coaster set as the gift.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_RESOLUTION,
                Var.PROBLEM_RESOLVED,
                "yes",
                Var.CUSTOMER_SATISFIED,
                "yes",
                Var.RESOLUTION_SUMMARY,
                "Replacement and gift delivered on Thursday; Tom is happy with them.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.RECORD_REVIEW_OUTCOME,
                Var.REVIEW_OUTCOME,
                "updated",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CLOSE_CASE,
                Var.ROOT_CAUSE,
                "quality",
                Var.RESOLUTION_SUMMARY,
                "Loose handle from a badly finished batch; replacement and gift sent, feedback revised.",
                Var.CUSTOMER_SATISFACTION,
                "satisfied",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                SAM,
                c.processInstanceId(),
                Activity.HOLD_RETROSPECTIVE,
                Var.RETROSPECTIVE_CAUSE,
                "systemic",
                Var.RETROSPECTIVE_FINDINGS,
                "Third loose-handle complaint from the same batch in two weeks.",
                Var.RETROSPECTIVE_ACTION,
                "Pull the rest of the batch and ask the supplier to fire handles on.",
                Var.TRAINING_CASE,
                false);

        assertCaseClosed(c);
        assertMessages(
                c.caseId(),
                reply,
                tuple(MessageKind.REPLY, "public"),
                tuple(MessageKind.PRIVATE_MESSAGE, "private"),
                tuple(MessageKind.COMPENSATION_OFFER, "private"),
                tuple(MessageKind.REMEDY, "action"),
                tuple(MessageKind.REMEDY, "action"),
                tuple(MessageKind.REVIEW_REQUEST, "private"));
        CaseSummary record = assertCaseRecord(c.caseId(), "T2", "quality", "quality", "updated");
        assertThat(record.compensation()).isEqualTo("reshipment_gift");
        assertThat(record.compensationAmount()).isEqualByComparingTo("24.50");
        assertBothClocksStartedAndStopped(c.caseId());
        assertThat(usersWhoCompletedTasks(c.processInstanceId())).containsExactlyInAnyOrder(ANA, SAM);
        assertRetrospectiveHeldBy(c.caseId(), SAM);
        assertWhatTheCustomerAndThePlatformGet(c.caseId(), record);
    }

    /**
     * T3, P1–P6, F1–F7, R2, R4, A3: an improvement idea under an Instagram post. The decision suggests no
     * compensation, the customer is satisfied, declines to edit the comment, and no retrospective is held.
     */
    @Test
    void generalSuggestionOnInstagramIsAnsweredWithoutCompensationAndWithoutARetrospective() {
        Map<String, Object> body = SampleComplaint.body(
                "instagram",
                "ig-" + UUID.randomUUID(),
                30,
                "Love the mug, but I wish it came with a lid. Please add a bamboo lid option, it would be nice for the office.",
                "en");
        SampleComplaint.child(body, "order").put("promisedDelivery", "2026-11-20");
        Opened c = tasklist.open(ANA, body);

        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T3",
                Var.CATEGORY,
                "suggestion",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Product idea: a lid for the 350 ml mug.");
        List<String> reply = List.of(
                "Mia, thank you so much for the kind words and for taking the time to share this idea with us.",
                "Right now the 350 ml mug is sold without a lid, because we designed it for the table rather than the desk.",
                "We have passed your bamboo lid idea to our design team today; they review ideas every quarter.",
                "We have sent you a direct message so you can tell us a bit more about how you would use it.");
        tasklist.work(ANA, c.processInstanceId(), Activity.DRAFT_REPLY, draftReply(reply));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                prepareFollowUp(
                        "Regular customer, four orders; no earlier complaints, this is a product idea.",
                        "other",
                        "apology",
                        "platform_message",
                        "Hi Mia, this is Ana from the shop's customer care. We have passed your lid idea to our design team already.",
                        "1. Design team reviews the idea this quarter. 2. We tell you by message if a lid comes out."));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hi Mia, this is Ana from customer care. Thanks again for the lid idea; our design team will look at it this quarter and we will let you know.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "Mia would use the lid to keep coffee warm at her desk.",
                Var.ESCALATE_TO_CRISIS,
                false);
        // C1: the decision suggests no compensation for a general case whose customer mostly wants to be heard
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_RESOLUTION,
                Var.PROBLEM_RESOLVED,
                "yes",
                Var.CUSTOMER_SATISFIED,
                "yes",
                Var.RESOLUTION_SUMMARY,
                "Idea recorded for the design team; Mia thanked us.",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.RECORD_REVIEW_OUTCOME,
                Var.REVIEW_OUTCOME,
                "declined",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CLOSE_CASE,
                Var.ROOT_CAUSE,
                "other",
                Var.RESOLUTION_SUMMARY,
                "Product idea (bamboo lid) passed to the design team; customer thanked.",
                Var.CUSTOMER_SATISFACTION,
                "satisfied",
                Var.ESCALATE_TO_CRISIS,
                false);

        assertCaseClosed(c);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .activityId(Activity.OFFER_COMPENSATION)
                        .count())
                .as("no compensation offered")
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .activityId(Activity.HOLD_RETROSPECTIVE)
                        .count())
                .as("no retrospective for T3")
                .isZero();
        assertMessages(
                c.caseId(),
                reply,
                tuple(MessageKind.REPLY, "public"),
                tuple(MessageKind.PRIVATE_MESSAGE, "private"),
                tuple(MessageKind.REVIEW_REQUEST, "private"));
        CaseSummary record = assertCaseRecord(c.caseId(), "T3", "suggestion", "other", "declined");
        assertThat(record.compensation()).isNull();
        assertBothClocksStartedAndStopped(c.caseId());
        assertThat(usersWhoCompletedTasks(c.processInstanceId())).containsExactly(ANA);
        assertThat(retrospectivesOf(c.caseId())).isEmpty();
        assertWhatTheCustomerAndThePlatformGet(c.caseId(), record);
    }

    // --------------------------------------------------------------------------------------------------- refusals

    /** X2, X3: a reply admitting liability goes to legal; sending it back without saying why is refused. */
    @Test
    void anApprovalSentBackWithoutANoteIsRefusedWith400AndTheTaskStaysOpen() {
        Map<String, Object> body = SampleComplaint.body(
                "ebay", "eb-" + UUID.randomUUID(), 25, "The mug is defective, the glaze is cracked all over.", "en");
        Opened c = tasklist.open(ANA, body);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "quality",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.DRAFT_REPLY,
                draftReply(List.of(
                        "Sorry, thank you.", "Our fault entirely.", "New mug by Friday.", "See eBay messages.")));

        String approval = tasklist.awaitTask(LENA, c.processInstanceId(), Activity.APPROVE_REPLY);
        tasklist.claim(LENA, approval);
        ResponseEntity<JsonNode> refused = tasklist.submitForm(LENA, approval, Map.of(Var.REPLY_DECISION, "reject"));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains(Var.REPLY_REVIEW_NOTE);
        assertThat(refused.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.REPLY_REVIEW_NOTE);
            assertThat(error.path("message").asText()).contains("required");
        });
        assertThat(taskService.createTaskQuery().taskId(approval).count())
                .as("the approval is still open")
                .isOne();
        assertThat(tasklist.tasks(LENA, c.processInstanceId(), Activity.APPROVE_REPLY))
                .extracting(t -> t.path("id").asText())
                .containsExactly(approval);
        assertThat(messages(c.caseId())).as("nothing published").isEmpty();

        // with the note it goes back to the agent
        Tasklist.assertCompleted(tasklist.submitForm(
                LENA,
                approval,
                Map.of(
                        Var.REPLY_DECISION,
                        "reject",
                        Var.REPLY_REVIEW_NOTE,
                        "Do not admit liability in public; say what we found and what we do about it.")));
        tasklist.awaitTask(ANA, c.processInstanceId(), Activity.DRAFT_REPLY);
    }

    /** C2, C4: an offer can only name the compensation options of the policy. */
    @Test
    void anUnknownCompensationOptionIsRefusedWith400() {
        Map<String, Object> body = SampleComplaint.body(
                "ebay", "eb-" + UUID.randomUUID(), 35, "Received a faulty mug, the handle is broken.", "en");
        Opened c = tasklist.open(ANA, body);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T2",
                Var.CATEGORY,
                "quality",
                Var.ESCALATE_TO_CRISIS,
                false);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.DRAFT_REPLY,
                draftReply(List.of(
                        "Sorry, thank you.", "Handles not fired.", "New mug by Friday.", "See eBay messages.")));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                prepareFollowUp(
                        "Delivered on time; the batch has a known handle problem.",
                        "quality",
                        "compensation",
                        "platform_message",
                        "Hello, this is Ana from customer care. We have checked your order and the batch. We are sorry.",
                        "1. Choose refund or replacement today. 2. It reaches you within 3 days."));
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONTACT_CUSTOMER,
                Var.FOLLOW_UP_MESSAGE,
                "Hello, this is Ana from customer care. We can refund you or send a replacement from a new batch.",
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "Customer is open to a replacement.",
                Var.ESCALATE_TO_CRISIS,
                false);

        String offer = tasklist.awaitTask(ANA, c.processInstanceId(), Activity.OFFER_COMPENSATION);
        tasklist.claim(ANA, offer);
        ResponseEntity<JsonNode> refused = tasklist.submitForm(
                ANA,
                offer,
                Map.of(
                        Var.COMPENSATION_OPTION_1,
                        "full_refund",
                        Var.COMPENSATION_OPTION_2,
                        "store_credit_500",
                        Var.OFFER_MESSAGE,
                        "We are sorry for the broken mug. Please choose what suits you best:",
                        Var.ESCALATE_TO_CRISIS,
                        false));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.COMPENSATION_OPTION_2);
            assertThat(error.path("message").asText()).contains("store_credit_500");
        });
        assertThat(taskService.createTaskQuery().taskId(offer).count())
                .as("the offer is still open")
                .isOne();
        assertThat(messages(c.caseId()))
                .extracting(m -> m.path("kind").asText())
                .doesNotContain(MessageKind.COMPENSATION_OFFER.name());
    }

    /** T1: a crisis reply is the supervisors' work; an agent neither sees nor claims it. */
    @Test
    void anAgentCannotSeeOrClaimTheDraftReplyOfACrisis() {
        Map<String, Object> body =
                SampleComplaint.body("wechat", "wx-" + UUID.randomUUID(), 8, "充电宝充电时冒烟起火了，差点烧到床单，太危险了！", "zh-CN");
        SampleComplaint.child(body, "customer").put("timezone", "Asia/Shanghai");
        SampleComplaint.child(body, "order").put("currency", "CNY");
        Opened c = tasklist.open(ANA, body);
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T1",
                Var.CATEGORY,
                "safety",
                Var.ESCALATE_TO_CRISIS,
                false);
        String draft = tasklist.awaitTask(SAM, c.processInstanceId(), Activity.DRAFT_REPLY);

        assertThat(tasklist.tasks(ANA, c.processInstanceId(), Activity.DRAFT_REPLY))
                .as("ana's task list")
                .isEmpty();
        ResponseEntity<JsonNode> single = tasklist.get(ANA, "/engine-rest/task/" + draft);
        assertThat(single.getStatusCode()).as(String.valueOf(single.getBody())).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> claimed =
                tasklist.post(ANA, "/engine-rest/task/" + draft + "/claim", Map.of("userId", ANA));
        assertThat(claimed.getStatusCode())
                .as(String.valueOf(claimed.getBody()))
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> submitted = tasklist.submitForm(
                ANA, draft, draftReply(List.of("非常抱歉，感谢您告诉我们。", "我们正在检查这批充电宝。", "我们会在今天内为您全额退款。", "我们已通过微信私信联系您。")));
        assertThat(submitted.getStatusCode())
                .as(String.valueOf(submitted.getBody()))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(draft).singleResult().getAssignee())
                .isNull();

        // the supervisor can
        tasklist.claim(SAM, draft);
        assertThat(taskService.createTaskQuery().taskId(draft).singleResult().getAssignee())
                .isEqualTo(SAM);
    }

    // ---------------------------------------------------------------------------------------------------- asserts

    private void assertCaseClosed(Opened c) {
        HistoricProcessInstance ended = awaitEnded(c.processInstanceId());
        assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(ended.getEndActivityId()).isEqualTo(Activity.END_CASE_CLOSED);
    }

    /** The case's outbox, in order, is exactly these (kind, surface); the reply is the four parts submitted. */
    private void assertMessages(String caseId, List<String> replyParts, org.assertj.core.groups.Tuple... expected) {
        List<JsonNode> sent = messages(caseId);
        assertThat(sent)
                .extracting(m -> MessageKind.valueOf(m.path("kind").asText()), m -> m.path("surface")
                        .asText())
                .as("outbox of %s", caseId)
                .containsExactly(expected);
        assertThat(sent).allSatisfy(m -> assertThat(m.path("status").asText()).isEqualTo("delivered"));
        JsonNode reply = sent.stream()
                .filter(m -> MessageKind.REPLY.name().equals(m.path("kind").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(reply.path("text").asText()).isEqualTo(String.join("\n\n", replyParts));
    }

    private CaseSummary assertCaseRecord(
            String caseId, String tier, String category, String rootCause, String reviewOutcome) {
        CaseSummary record = caseRecords.summary(caseId).orElseThrow();
        assertThat(record.status()).isEqualTo(CaseRecords.CLOSED);
        assertThat(record.tier()).isEqualTo(tier);
        assertThat(record.category()).isEqualTo(category);
        assertThat(record.rootCause()).isEqualTo(rootCause);
        assertThat(record.reviewOutcome()).isEqualTo(reviewOutcome);
        assertThat(record.satisfaction()).isEqualTo("satisfied");
        assertThat(record.firstRespondedAt()).as("first_responded_at").isNotNull();
        assertThat(record.resolvedAt()).as("resolved_at").isNotNull();
        assertThat(record.closedAt()).as("closed_at").isNotNull();
        assertThat(record.firstRespondedAt()).isBeforeOrEqualTo(record.resolvedAt());
        assertThat(record.resolvedAt()).isBeforeOrEqualTo(record.closedAt());
        return record;
    }

    private void assertBothClocksStartedAndStopped(String caseId) {
        assertThat(slaEvents.forCase(caseId))
                .extracting(SlaEvent::clock, SlaEvent::event)
                .contains(
                        tuple(SlaEvent.FIRST_RESPONSE, SlaEvent.STARTED), tuple(SlaEvent.RESOLUTION, SlaEvent.STARTED),
                        tuple(SlaEvent.FIRST_RESPONSE, SlaEvent.STOPPED), tuple(SlaEvent.RESOLUTION, SlaEvent.STOPPED))
                .doesNotContain(
                        tuple(SlaEvent.FIRST_RESPONSE, SlaEvent.BREACHED),
                        tuple(SlaEvent.RESOLUTION, SlaEvent.BREACHED));
    }

    private void assertRetrospectiveHeldBy(String caseId, String user) {
        assertThat(retrospectivesOf(caseId)).as("A4: one retrospective").containsExactly(user);
    }

    private List<String> retrospectivesOf(String caseId) {
        return jdbc.sql("SELECT held_by FROM cd_retrospective WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query(String.class)
                .list();
    }

    /**
     * What leaves through the channel port is final: no template placeholder ("[name]", "[订单号]") reaches the
     * customer (P6, F1, R3), and the remedies a platform executes add up to the amount the customer chose (C1, E6),
     * not that amount once per remedy of the package.
     */
    private void assertWhatTheCustomerAndThePlatformGet(String caseId, CaseSummary record) {
        List<JsonNode> sent = messages(caseId);
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode m : sent) {
            softly.assertThat(m.path("text").asText())
                    .as(
                            "%s %s of %s has no unfilled placeholder",
                            m.path("kind").asText(), m.path("surface").asText(), caseId)
                    .doesNotContainPattern(PLACEHOLDER);
        }
        BigDecimal remedies = BigDecimal.ZERO;
        for (JsonNode m : sent) {
            if (MessageKind.REMEDY.name().equals(m.path("kind").asText())) {
                Matcher amount = AMOUNT.matcher(m.path("text").asText());
                while (amount.find()) {
                    remedies = remedies.add(new BigDecimal(amount.group(1)));
                }
            }
        }
        BigDecimal chosen = record.compensationAmount() == null ? BigDecimal.ZERO : record.compensationAmount();
        softly.assertThat(remedies)
                .as("total of the REMEDY actions of %s (chosen: %s %s)", caseId, chosen, record.compensation())
                .isEqualByComparingTo(chosen);
        softly.assertAll();
    }

    /** Who completed the process instance's tasks, from the user operation log. */
    private Set<String> usersWhoCompletedTasks(String processInstanceId) {
        return history
                .createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()
                .stream()
                .map(UserOperationLogEntry::getUserId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // -------------------------------------------------------------------------------------- working as Tasklist does

    /** The case's crisis response, found as Tasklist's supervisors would: by the case's business key. */
    private String awaitCrisisInstance(String businessKey) {
        JsonNode instance = tasklist.poll(
                () -> {
                    JsonNode list = tasklist.get(
                                    SAM,
                                    "/engine-rest/process-instance?businessKey=" + businessKey
                                            + "&processDefinitionKey=" + ComplaintCrisis.PROCESS_KEY)
                            .getBody();
                    return list != null && list.isArray() && list.size() == 1 ? list.get(0) : null;
                },
                () -> "no crisis response for " + businessKey);
        return instance.path("id").asText();
    }

    private HistoricProcessInstance awaitEnded(String processInstanceId) {
        return tasklist.poll(
                () -> {
                    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                            .processInstanceId(processInstanceId)
                            .singleResult();
                    return instance != null && instance.getEndTime() != null ? instance : null;
                },
                () -> processInstanceId + " has not ended");
    }

    private void awaitMessage(String caseId, MessageKind kind) {
        tasklist.poll(
                () -> messages(caseId).stream()
                                .anyMatch(m -> kind.name().equals(m.path("kind").asText()))
                        ? true
                        : null,
                () -> "no " + kind + " sent for " + caseId);
    }

    private List<JsonNode> messages(String caseId) {
        ResponseEntity<JsonNode> response = tasklist.get(SAM, "/api/complaints/" + caseId + "/messages");
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        List<JsonNode> list = new ArrayList<>();
        response.getBody().forEach(list::add);
        return list;
    }

    // ------------------------------------------------------------------------------------------------- form values

    private static Map<String, Object> draftReply(List<String> parts) {
        return Tasklist.values(
                Var.REPLY_APOLOGY,
                parts.get(0),
                Var.REPLY_CAUSE,
                parts.get(1),
                Var.REPLY_SOLUTION,
                parts.get(2),
                Var.REPLY_INVITATION,
                parts.get(3),
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    private static Map<String, Object> prepareFollowUp(
            String findings,
            String rootCause,
            String customerType,
            String contactChannel,
            String opening,
            String steps) {
        return Tasklist.values(
                Var.FOLLOW_UP_FINDINGS,
                findings,
                Var.ROOT_CAUSE,
                rootCause,
                Var.CUSTOMER_TYPE,
                customerType,
                Var.CONTACT_CHANNEL,
                contactChannel,
                Var.OPENING_SCRIPT,
                opening,
                Var.RESOLUTION_STEPS,
                steps,
                Var.ESCALATE_TO_CRISIS,
                false);
    }
}
