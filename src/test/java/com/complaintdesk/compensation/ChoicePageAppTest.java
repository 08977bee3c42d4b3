package com.complaintdesk.compensation;

import static com.complaintdesk.compensation.ChoicePageCases.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.compensation.ChoicePageCases.Offered;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C2: the customer's choice page through the running application: the link from the offer message, the options in
 * the customer's language, one choice per link, CSRF on the form, polite refusals for a used, expired or altered
 * link, and the race with an agent recording a phone choice, which whoever comes first wins.
 */
@AppTest
class ChoicePageAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ChoiceLinks links;

    @Autowired
    JdbcClient jdbc;

    Tasklist tasklist;
    ChoicePageCases cases;

    @BeforeEach
    void workAsTasklistDoes() {
        tasklist = new Tasklist(http, management);
        cases = new ChoicePageCases(tasklist, http);
    }

    @Test
    void anEnglishCustomerChoosesOnThePageOnceAndTheAgentCannotRecordAnotherChoice() {
        Offered o = cases.offered("en", "The mug arrived broken, the box was crushed.");
        String choiceTask = openChoiceTask(o);
        ChoicePageCases.Visit visit = cases.new Visit();

        ResponseEntity<String> page = visit.open(o.path());
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains(
                        "<html lang=\"en\"",
                        "Choose your compensation",
                        "Hello Mia Chen",
                        "Full refund",
                        "Replacement sent again",
                        "No compensation needed",
                        "name=\"viewport\"");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");

        // a form posted without the page's CSRF token (another site) changes nothing
        assertThat(visit.post(o.path(), "full_refund", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(visit.post(o.path(), "full_refund", "forged").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(openChoiceTask(o)).isEqualTo(choiceTask);
        // an option that was not offered is refused on the page
        ResponseEntity<String> unknown = visit.choose(o.path(), "coupon");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("Please choose one of the options below.");

        ResponseEntity<String> chosen = visit.choose(o.path(), "reshipment");
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chosen.getBody()).contains("Thank you!", "Replacement sent again");
        assertThat(variables(o))
                .containsEntry(Var.CHOSEN_COMPENSATION, "reshipment")
                .containsEntry(Var.COMPENSATION_AMOUNT, 19.25)
                .containsEntry(Var.CHOICE_SOURCE, "customer");
        // the engine call ran as the customer: the user operation log says who chose
        assertThat(history.createUserOperationLogQuery()
                        .taskId(choiceTask)
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                        .list())
                .extracting(UserOperationLogEntry::getUserId)
                .containsOnly("customer:" + customerOf(o));

        // a second click, or the link opened again, is a polite page that changes nothing
        ResponseEntity<String> again = visit.choose(o.path(), "full_refund");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("This link has already been used");
        assertThat(cases.new Visit().open(o.path()).getBody()).contains("This link has already been used");

        // the agent's phone choice comes second: 409 with what the customer chose, and nothing changes
        ResponseEntity<JsonNode> late = tasklist.submitForm(
                ANA,
                choiceTask,
                Tasklist.values(
                        Var.CHOSEN_COMPENSATION,
                        "full_refund",
                        Var.COMPENSATION_AMOUNT,
                        38.5,
                        Var.ESCALATE_TO_CRISIS,
                        false));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("message").asText())
                .contains("by the customer on the choice page", "reshipment");
        assertThat(variables(o)).containsEntry(Var.CHOSEN_COMPENSATION, "reshipment");
        assertThat(jdbc.sql("SELECT chosen FROM cd_choice_link_use WHERE case_id = :id")
                        .param("id", o.opened().caseId())
                        .query(String.class)
                        .list())
                .containsExactly("reshipment");
    }

    @Test
    void aChineseCustomerSeesThePageInChinese() {
        Offered o = cases.offered("zh-CN", "杯子收到时已经碎了，盒子被压坏了。");
        ChoicePageCases.Visit visit = cases.new Visit();

        ResponseEntity<String> page = visit.open(o.path());
        assertThat(page.getBody()).contains("<html lang=\"zh-CN\"", "请选择补偿方案", "全额退款", "补发或换新", "不需要补偿，谢谢");
        ResponseEntity<String> chosen = visit.choose(o.path(), "full_refund");
        assertThat(chosen.getBody()).contains("谢谢！", "我们已记录您的选择", "全额退款");
        assertThat(visit.choose(o.path(), "full_refund").getBody()).contains("这个链接已经使用过");
        assertThat(variables(o))
                .containsEntry(Var.CHOSEN_COMPENSATION, "full_refund")
                .containsEntry(Var.COMPENSATION_AMOUNT, 38.5);
    }

    @Test
    void anAgentWhoRecordsAPhoneChoiceFirstWinsAndThePageSaysSoPolitely() {
        Offered o = cases.offered("en", "The mug arrived broken, the box was crushed.");
        ChoicePageCases.Visit visit = cases.new Visit();
        assertThat(visit.open(o.path()).getStatusCode()).isEqualTo(HttpStatus.OK);

        tasklist.work(
                ANA,
                o.opened().processInstanceId(),
                Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                "full_refund",
                Var.COMPENSATION_AMOUNT,
                38.5,
                Var.CHOICE_NOTE,
                "She chose the refund on the phone.",
                Var.ESCALATE_TO_CRISIS,
                false);

        ResponseEntity<String> late = visit.choose(o.path(), "reshipment");
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).contains("This offer is no longer open", "already recorded your choice");
        assertThat(variables(o))
                .containsEntry(Var.CHOSEN_COMPENSATION, "full_refund")
                .doesNotContainKey(Var.CHOICE_SOURCE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_choice_link_use WHERE case_id = :id")
                        .param("id", o.opened().caseId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAlteredOrExpiredLinkGetsAPolitePageAndChangesNothing() {
        Offered o = cases.offered("en", "The mug arrived broken, the box was crushed.");
        String choiceTask = openChoiceTask(o);

        String token = o.path().substring("/choice/".length());
        String altered = "/choice/" + token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        ChoicePageCases.Visit visit = cases.new Visit();
        ResponseEntity<String> tampered = visit.open(altered);
        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(tampered.getBody()).contains("This link is not valid", "链接无效");

        String offerId = (String) runtime.getVariable(o.opened().processInstanceId(), Var.CHOICE_OFFER_ID);
        String expired = "/choice/"
                + links.sign(new ChoiceLinks.ChoiceToken(
                        o.opened().caseId(), offerId, Instant.now().minusSeconds(60)));
        ResponseEntity<String> page = visit.open(expired);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(page.getBody()).contains("This link has expired", "reply to our message");
        visit.open(o.path()); // a session and CSRF token from a valid page
        assertThat(visit.choose(expired, "full_refund").getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(visit.choose(altered, "full_refund").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(openChoiceTask(o)).isEqualTo(choiceTask);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_choice_link_use WHERE case_id = :id")
                        .param("id", o.opened().caseId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void whenThePageAndTheAgentChooseAtTheSameMomentExactlyOneWinsAndTheOtherIsRefused() throws Exception {
        Offered o = cases.offered("en", "The mug arrived broken, the box was crushed.");
        String choiceTask = openChoiceTask(o);
        tasklist.claim(ANA, choiceTask);
        ChoicePageCases.Visit visit = cases.new Visit();
        visit.open(o.path());

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<ResponseEntity<String>> page = CompletableFuture.supplyAsync(() -> {
            await(go);
            return visit.choose(o.path(), "reshipment");
        });
        CompletableFuture<ResponseEntity<JsonNode>> agent = CompletableFuture.supplyAsync(() -> {
            await(go);
            return tasklist.submitForm(
                    ANA,
                    choiceTask,
                    Tasklist.values(
                            Var.CHOSEN_COMPENSATION,
                            "full_refund",
                            Var.COMPENSATION_AMOUNT,
                            38.5,
                            Var.ESCALATE_TO_CRISIS,
                            false));
        });
        go.countDown();
        HttpStatus pageStatus = HttpStatus.valueOf(
                page.get(60, TimeUnit.SECONDS).getStatusCode().value());
        HttpStatus agentStatus = HttpStatus.valueOf(
                agent.get(60, TimeUnit.SECONDS).getStatusCode().value());

        String chosen = (String) variables(o).get(Var.CHOSEN_COMPENSATION);
        if (pageStatus == HttpStatus.OK) {
            assertThat(agentStatus).isEqualTo(HttpStatus.CONFLICT);
            assertThat(chosen).isEqualTo("reshipment");
        } else {
            assertThat(pageStatus).isEqualTo(HttpStatus.CONFLICT);
            assertThat(agentStatus).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(chosen).isEqualTo("full_refund");
        }
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(o.opened().processInstanceId())
                        .activityId(Activity.RECORD_CUSTOMER_CHOICE)
                        .finished()
                        .count())
                .isEqualTo(1);
    }

    private static void await(CountDownLatch go) {
        try {
            go.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String openChoiceTask(Offered o) {
        return tasks.createTaskQuery()
                .processInstanceId(o.opened().processInstanceId())
                .taskDefinitionKey(Activity.RECORD_CUSTOMER_CHOICE)
                .singleResult()
                .getId();
    }

    private String customerOf(Offered o) {
        return (String) history.createHistoricVariableInstanceQuery()
                .processInstanceId(o.opened().processInstanceId())
                .variableName(Var.CUSTOMER_ID)
                .singleResult()
                .getValue();
    }

    /** The case's variables as history has them (the instance may have moved on). */
    private Map<String, Object> variables(Offered o) {
        return history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(o.opened().processInstanceId())
                .list()
                .stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(
                        HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
    }
}
