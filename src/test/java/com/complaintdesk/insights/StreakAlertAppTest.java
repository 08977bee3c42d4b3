package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Activity;
import static com.complaintdesk.insights.ComplaintInsights.Var;
import static com.complaintdesk.insights.InsightsCases.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A2 on the running application: cases seeded across weeks and months, ComplaintInsights run for consecutive periods
 * as its schedules would; the owners' systemic-fix task appears on the third period of a streak and not before, once
 * per streak, and never twice open for one category.
 */
@AppTest
class StreakAlertAppTest {

    static final String PACKAGING = "packaging_damage";
    static final String QUALITY = "quality";
    static final String SHIPPING = "shipping_delay";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    InsightsSettings settings;

    InsightsCases cases;
    Tasklist tasklist;

    @BeforeEach
    void freshYearAndNoFixLeftOpen() {
        cases = new InsightsCases(jdbc);
        tasklist = new Tasklist(http, management);
        // a database kept from an earlier run may hold an open fix of these categories; this test starts without
        jdbc.sql("UPDATE cd_systemic_fix SET open_category = NULL WHERE open_category IN (:categories)")
                .param("categories", List.of(PACKAGING, SHIPPING))
                .update();
    }

    private ProcessInstance report(String granularity, String period) {
        return runtime.startProcessInstanceByKey(
                ComplaintInsights.PROCESS_KEY, Map.of(Var.GRANULARITY, granularity, Var.PERIOD_LABEL, period));
    }

    private static String week(LocalDate monday) {
        return String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private boolean ended(ProcessInstance instance) {
        return history.createHistoricProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getEndTime()
                != null;
    }

    private List<Task> openFixTasks(String category) {
        return taskService
                .createTaskQuery()
                .taskDefinitionKey(Activity.DECIDE_SYSTEMIC_FIX)
                .processVariableValueEquals(Var.SYSTEMIC_FIX_CATEGORY, category)
                .list();
    }

    @Test
    void theStreakAlertsTheOwnersOnItsThirdPeriodOnceAndAgainAfterABreakOnceTheFirstFixIsDecided() throws Exception {
        LocalDate w1 = cases.firstMonday();
        LocalDate w2 = w1.plusWeeks(1);
        LocalDate w3 = w1.plusWeeks(2);
        List<String> packagingIds = new ArrayList<>();
        packagingIds.add(cases.insert(at(w1, 9), "T3", PACKAGING, null, null, "Box crushed, mug broken."));
        packagingIds.add(cases.insert(at(w1.plusDays(2), 9), "T2", PACKAGING, null, null, "Parcel arrived torn open."));
        cases.insert(at(w1.plusDays(3), 9), "T3", QUALITY, null, null, "Handle came off.");
        packagingIds.add(cases.insert(at(w2, 10), "T2", PACKAGING, null, null, "Glass shattered in the box."));
        packagingIds.add(
                cases.insert(at(w2.plusDays(1), 10), "T3", PACKAGING, null, null, "Dented tin, squashed box."));
        packagingIds.add(
                cases.insert(
                        at(w2.plusDays(4), 10),
                        "T2",
                        PACKAGING,
                        null,
                        null,
                        "The   bubble wrap was missing\nand the plate cracked into three pieces, which is the second time this happened to me this year, really disappointing."));
        cases.insert(at(w2.plusDays(5), 10), "T3", QUALITY, null, null, "Colour faded.");
        cases.insert(at(w2.plusDays(6), 10), "T3", QUALITY, null, null, "Seam split.");
        packagingIds.add(cases.insert(at(w3, 11), "T3", PACKAGING, null, null, "Crushed corner."));
        packagingIds.add(
                cases.insert(at(w3.plusDays(6), 23), "T1", PACKAGING, null, null, "Leaking bottle soaked the box."));
        cases.insert(at(w3.plusDays(1), 11), "T3", SHIPPING, null, null, "Two weeks late.");
        // week 4 goes on with packaging on top; week 5 breaks it; weeks 6 to 8 make a new streak
        cases.insert(at(w1.plusWeeks(3), 8), "T3", PACKAGING, null, null, "Box wet.");
        cases.insert(at(w1.plusWeeks(4), 8), "T3", QUALITY, null, null, "Zip broke.");
        cases.insert(at(w1.plusWeeks(4).plusDays(1), 8), "T3", QUALITY, null, null, "Button loose.");
        cases.insert(at(w1.plusWeeks(4).plusDays(2), 8), "T3", PACKAGING, null, null, "Lid cracked.");
        cases.insert(at(w1.plusWeeks(5), 8), "T3", PACKAGING, null, null, "Box open.");
        cases.insert(at(w1.plusWeeks(6), 8), "T3", PACKAGING, null, null, "Tape cut.");
        cases.insert(at(w1.plusWeeks(7), 8), "T2", PACKAGING, null, null, "Crushed again.");

        // weeks 1 and 2: packaging on top, but not yet for three weeks
        ProcessInstance first = report("WEEK", week(w1));
        ProcessInstance second = report("WEEK", week(w2));
        assertThat(ended(first)).isTrue();
        assertThat(ended(second)).isTrue();
        assertThat(openFixTasks(PACKAGING)).isEmpty();

        // week 3: the third week running
        ProcessInstance third = report("WEEK", week(w3));
        assertThat(ended(third)).isFalse();
        List<Task> tasks = openFixTasks(PACKAGING);
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.getProcessInstanceId()).isEqualTo(third.getId());
            assertThat(t.getName()).isEqualTo("Decide on a systemic fix");
        });
        Map<String, Object> variables = runtime.getVariables(third.getId());
        assertThat(variables.get(Var.SYSTEMIC_FIX_PERIODS))
                .isEqualTo(PACKAGING
                        + " has been the top complaint for 3 weeks running:\n"
                        + week(w1) + ": 2 of 3 cases\n" + week(w2) + ": 3 of 5 cases\n" + week(w3) + ": 2 of 3 cases");
        // the five newest packaging cases of the three weeks, newest first
        String examples = String.join(
                "\n",
                example(packagingIds.get(6), "T1", at(w3.plusDays(6), 23), "Leaking bottle soaked the box."),
                example(packagingIds.get(5), "T3", at(w3, 11), "Crushed corner."),
                example(
                        packagingIds.get(4),
                        "T2",
                        at(w2.plusDays(4), 10),
                        "The bubble wrap was missing and the plate cracked into three pieces, which is the second time this happened to me this…"),
                example(packagingIds.get(3), "T3", at(w2.plusDays(1), 10), "Dented tin, squashed box."),
                example(packagingIds.get(2), "T2", at(w2, 10), "Glass shattered in the box."));
        assertThat(variables.get(Var.SYSTEMIC_FIX_EXAMPLES)).isEqualTo(examples);
        String fixId = (String) variables.get(Var.SYSTEMIC_FIX_ID);
        Map<String, Object> fix = row(
                "SELECT category, open_category, evidence, process_instance_id FROM cd_systemic_fix WHERE id = :id",
                fixId);
        assertThat(fix.get("category")).isEqualTo(PACKAGING);
        assertThat(fix.get("open_category")).isEqualTo(PACKAGING);
        assertThat(fix.get("process_instance_id")).isEqualTo(third.getId());
        JsonNode evidence = json.readTree((String) fix.get("evidence"));
        assertThat(evidence.path("periods")).hasSize(3);
        assertThat(evidence.path("examples")).hasSize(5);
        assertThat(evidence.path("examples").path(0).path("link").asText())
                .isEqualTo("/audit/case.html?id=" + packagingIds.get(6));

        // the stored report of week 3
        Map<String, Object> stored = row(
                "SELECT granularity, cases, top_category, top_cases, report, computed_at FROM cd_insight_report"
                        + " WHERE granularity = 'WEEK' AND period = :id",
                week(w3));
        assertThat(stored.get("cases")).isEqualTo(3L);
        assertThat(stored.get("top_category")).isEqualTo(PACKAGING);
        assertThat(stored.get("top_cases")).isEqualTo(2L);
        JsonNode report = json.readTree((String) stored.get("report"));
        assertThat(report.path("period").asText()).isEqualTo(week(w3));
        assertThat(report.path("byCategory").toString())
                .isEqualTo(
                        "[{\"category\":\"packaging_damage\",\"cases\":2},{\"category\":\"shipping_delay\",\"cases\":1}]");

        // week 4 continues the same streak, and week 3 computed again: neither alerts a second time
        ProcessInstance fourth = report("WEEK", week(w1.plusWeeks(3)));
        ProcessInstance thirdAgain = report("WEEK", week(w3));
        assertThat(ended(fourth)).isTrue();
        assertThat(ended(thirdAgain)).isTrue();
        assertThat(openFixTasks(PACKAGING)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_insight_report WHERE granularity = 'WEEK' AND period = :p")
                        .param("p", week(w3))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT periods FROM cd_systemic_fix_streak WHERE fix_id = :id")
                        .param("id", fixId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        // olga finds it in the owners' filter, with its form and the evidence in it
        String taskId = tasks.get(0).getId();
        assertThat(filterTasks("olga", "Systemic fixes (A2) / 系统性改进 (A2)")).contains(taskId);
        assertThat(tasklist.get("olga", "/engine-rest/task/" + taskId + "/deployed-form")
                        .getBody()
                        .path("id")
                        .asText())
                .isEqualTo(ComplaintInsights.Form.DECIDE_SYSTEMIC_FIX);
        assertThat(tasklist.get("olga", "/engine-rest/task/" + taskId + "/form-variables")
                        .getBody()
                        .path(Var.SYSTEMIC_FIX_EXAMPLES)
                        .path("value")
                        .asText())
                .isEqualTo(examples);

        // the owners decide: a due date in the past is refused and changes nothing, then the decision is kept
        tasklist.claim("olga", taskId);
        ResponseEntity<JsonNode> late = tasklist.submitForm("olga", taskId, decision("2000-01-01"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().toString()).contains("systemicFixDueOn").contains("or later");
        assertThat(openFixTasks(PACKAGING)).hasSize(1);
        String due = LocalDate.now().plusDays(30).toString();
        Tasklist.assertCompleted(tasklist.submitForm("olga", taskId, decision(due)));
        Map<String, Object> decided = row(
                "SELECT open_category, decision, change_description, change_owner, due_on, decided_by,"
                        + " decided_at FROM cd_systemic_fix WHERE id = :id",
                fixId);
        assertThat(decided.get("open_category")).isNull();
        assertThat(decided.get("decision")).isEqualTo("change_supplier_or_product");
        assertThat(decided.get("change_description"))
                .isEqualTo("Double-box every fragile item from the new carton supplier.");
        assertThat(decided.get("change_owner")).isEqualTo("Operations lead");
        assertThat(decided.get("due_on").toString()).isEqualTo(due);
        assertThat(decided.get("decided_by")).isEqualTo("olga");
        assertThat(decided.get("decided_at")).isNotNull();
        assertThat(ended(third)).isTrue();

        // week 5 breaks the streak; weeks 6 and 7 are not yet three; week 8 is the third of a new streak
        for (int w = 4; w <= 6; w++) {
            assertThat(ended(report("WEEK", week(w1.plusWeeks(w)))))
                    .as("week %d", w + 1)
                    .isTrue();
        }
        assertThat(openFixTasks(PACKAGING)).isEmpty();
        ProcessInstance eighth = report("WEEK", week(w1.plusWeeks(7)));
        assertThat(openFixTasks(PACKAGING)).singleElement().satisfies(t -> assertThat(t.getProcessInstanceId())
                .isEqualTo(eighth.getId()));
        assertThat(runtime.getVariable(eighth.getId(), Var.SYSTEMIC_FIX_PERIODS))
                .isEqualTo(PACKAGING
                        + " has been the top complaint for 3 weeks running:\n" + week(w1.plusWeeks(5))
                        + ": 1 of 1 cases\n"
                        + week(w1.plusWeeks(6)) + ": 1 of 1 cases\n" + week(w1.plusWeeks(7)) + ": 1 of 1 cases");
        runtime.deleteProcessInstance(eighth.getId(), "test done");
    }

    @Test
    void aWeeklyStreakOfACategoryWhoseMonthlyFixIsOpenIsRecordedAgainstItWithoutASecondTask() {
        LocalDate march = LocalDate.of(cases.year, 3, 1);
        LocalDate firstMarchMonday =
                march.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        cases.insert(at(LocalDate.of(cases.year, 1, 10), 9), "T2", SHIPPING, null, null, "Late by a week.");
        cases.insert(at(LocalDate.of(cases.year, 1, 11), 9), "T2", SHIPPING, null, null, "Still not here.");
        cases.insert(at(LocalDate.of(cases.year, 2, 10), 9), "T2", SHIPPING, null, null, "Tracking stuck.");
        cases.insert(at(LocalDate.of(cases.year, 2, 11), 9), "T2", SHIPPING, null, null, "Courier lost it.");
        for (int w = 0; w < 3; w++) {
            cases.insert(at(firstMarchMonday.plusWeeks(w).plusDays(2), 9), "T2", SHIPPING, null, null, "Late " + w);
        }

        report("MONTH", cases.year + "-01");
        report("MONTH", cases.year + "-02");
        ProcessInstance monthly = report("MONTH", cases.year + "-03");
        assertThat(openFixTasks(SHIPPING)).singleElement().satisfies(t -> assertThat(t.getProcessInstanceId())
                .isEqualTo(monthly.getId()));
        String fixId = (String) runtime.getVariable(monthly.getId(), Var.SYSTEMIC_FIX_ID);

        report("WEEK", week(firstMarchMonday));
        report("WEEK", week(firstMarchMonday.plusWeeks(1)));
        ProcessInstance weekly = report("WEEK", week(firstMarchMonday.plusWeeks(2)));

        assertThat(ended(weekly)).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(weekly.getId())
                        .activityId(Activity.END_NO_NEW_SYSTEMIC_FIX)
                        .count())
                .isEqualTo(1);
        assertThat(openFixTasks(SHIPPING)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_systemic_fix WHERE category = :c AND open_category IS NOT NULL")
                        .param("c", SHIPPING)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql(
                                "SELECT granularity, first_period, opened_task FROM cd_systemic_fix_streak WHERE fix_id = :id"
                                        + " ORDER BY granularity")
                        .param("id", fixId)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3))
                        .list())
                .containsExactly("MONTH " + cases.year + "-01 true", "WEEK " + week(firstMarchMonday) + " false");
        runtime.deleteProcessInstance(monthly.getId(), "test done");
    }

    @Test
    void theDatabaseRefusesASecondOpenFixForACategory() {
        String first = java.util.UUID.randomUUID().toString();
        jdbc.sql(
                        "INSERT INTO cd_systemic_fix (id, category, open_category, opened_at, evidence) VALUES (:id, :c, :c, :at, '{}')")
                .param("id", first)
                .param("c", SHIPPING)
                .param("at", OffsetDateTime.now())
                .update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                                    "INSERT INTO cd_systemic_fix (id, category, open_category, opened_at, evidence) VALUES (:id, :c, :c, :at, '{}')")
                            .param("id", java.util.UUID.randomUUID().toString())
                            .param("c", SHIPPING)
                            .param("at", OffsetDateTime.now())
                            .update())
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        } finally {
            jdbc.sql("UPDATE cd_systemic_fix SET open_category = NULL WHERE id = :id")
                    .param("id", first)
                    .update();
        }
    }

    @Test
    void theWeeklyAndMonthlyTimersWaitForTheNextMondayAndFirstOfTheMonthAtSixInTheSellersZone() {
        java.time.ZonedDateTime weekly = management
                .createJobQuery()
                .processDefinitionKey(ComplaintInsights.WEEKLY_PROCESS_KEY)
                .timers()
                .singleResult()
                .getDuedate()
                .toInstant()
                .atZone(settings.zone());
        java.time.ZonedDateTime monthly = management
                .createJobQuery()
                .processDefinitionKey(ComplaintInsights.MONTHLY_PROCESS_KEY)
                .timers()
                .singleResult()
                .getDuedate()
                .toInstant()
                .atZone(settings.zone());

        assertThat(weekly.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(weekly.toLocalTime()).isEqualTo(java.time.LocalTime.of(6, 0));
        assertThat(weekly).isAfter(java.time.ZonedDateTime.now().minusDays(7));
        assertThat(monthly.getDayOfMonth()).isEqualTo(1);
        assertThat(monthly.toLocalTime()).isEqualTo(java.time.LocalTime.of(6, 0));
    }

    /** The ids of the tasks a user's Tasklist filter of that name lists. */
    private List<String> filterTasks(String user, String filterName) {
        JsonNode filters =
                tasklist.get(user, "/engine-rest/filter?resourceType=Task").getBody();
        List<String> ids = new ArrayList<>();
        for (JsonNode filter : filters) {
            if (filter.path("name").asText().equals(filterName)) {
                tasklist.get(user, "/engine-rest/filter/" + filter.path("id").asText() + "/list")
                        .getBody()
                        .forEach(task -> ids.add(task.path("id").asText()));
                return ids;
            }
        }
        throw new AssertionError(user + " has no filter " + filterName);
    }

    private String example(String caseId, String tier, OffsetDateTime posted, String excerpt) {
        return cases.businessKeyOf(caseId) + " | " + tier + " | " + posted.toInstant() + " | " + excerpt
                + " | /audit/case.html?id=" + caseId;
    }

    private static Map<String, Object> decision(String dueOn) {
        return Tasklist.values(
                Var.SYSTEMIC_FIX_DECISION,
                "change_supplier_or_product",
                Var.SYSTEMIC_FIX_CHANGE,
                "Double-box every fragile item from the new carton supplier.",
                Var.SYSTEMIC_FIX_OWNER,
                "Operations lead",
                Var.SYSTEMIC_FIX_DUE_ON,
                dueOn);
    }

    /** One row with lower-case column names (H2 reports them in upper case, PostgreSQL in lower case). */
    private Map<String, Object> row(String sql, String id) {
        Map<String, Object> row = jdbc.sql(sql).param("id", id).query().singleRow();
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }
}
