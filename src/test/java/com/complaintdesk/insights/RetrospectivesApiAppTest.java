package com.complaintdesk.insights;

import static com.complaintdesk.insights.InsightsCases.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A4 on the running application: the T1/T2 retrospectives with their cases, filtered, as JSON, CSV and a page. */
@AppTest
class RetrospectivesApiAppTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retrospectives retrospectives;

    @Autowired
    TestRestTemplate http;

    InsightsCases cases;
    LocalDate may;
    String crisis;
    String quality;
    String shipping;

    @BeforeEach
    void threeRetrospectivesOnDaysOfTheirOwn() {
        cases = new InsightsCases(jdbc);
        may = LocalDate.of(cases.year, 5, 1);
        crisis = cases.insert(at(may.minusDays(3), 9), "T1", "safety", "quality", "PB-10K", "It smoked.");
        quality = cases.insert(at(may.minusDays(2), 9), "T2", "quality", "quality", "TEE-M", "Pilled.");
        shipping = cases.insert(at(may.minusDays(1), 9), "T2", "shipping_delay", "logistics", null, "Late.");
        retrospectives.record(
                crisis,
                Retrospectives.SYSTEMIC,
                "Power banks of batch 7 overheat.",
                "=Recall batch 7, new supplier test.",
                true,
                "sam",
                at(may, 10));
        retrospectives.record(
                quality,
                Retrospectives.INDIVIDUAL,
                "Agent promised a refund too late.",
                "Coaching on F7 with the supervisor.",
                false,
                "sam",
                at(may.plusDays(1), 10));
        retrospectives.record(
                shipping,
                Retrospectives.SYSTEMIC,
                "Courier misses the cut-off, again.",
                "Move the pick-up to 15:00.",
                false,
                "olga",
                at(may.plusDays(2), 10));
    }

    private ResponseEntity<JsonNode> get(String user, String query) {
        return http.withBasicAuth(user, TestDatabase.password())
                .getForEntity("/api/insights/retrospectives?" + query, JsonNode.class);
    }

    private List<String> caseIds(String user, String query) {
        ResponseEntity<JsonNode> response = get(user, query);
        assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        response.getBody().path("items").forEach(i -> ids.add(i.path("caseId").asText()));
        return ids;
    }

    private String days(int fromDay, int toDay) {
        return "from=" + may.plusDays(fromDay) + "&to=" + may.plusDays(toDay);
    }

    @Test
    void listsTheRetrospectivesWithTheirCasesNewestFirst() {
        JsonNode body = get("olga", days(0, 2)).getBody();

        assertThat(body.path("count").asInt()).isEqualTo(3);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        JsonNode newest = body.path("items").path(0);
        assertThat(newest.path("caseId").asText()).isEqualTo(shipping);
        assertThat(newest.path("businessKey").asText()).isEqualTo(cases.businessKeyOf(shipping));
        assertThat(newest.path("tier").asText()).isEqualTo("T2");
        assertThat(newest.path("category").asText()).isEqualTo("shipping_delay");
        assertThat(newest.path("cause").asText()).isEqualTo("systemic");
        assertThat(newest.path("findings").asText()).isEqualTo("Courier misses the cut-off, again.");
        assertThat(newest.path("action").asText()).isEqualTo("Move the pick-up to 15:00.");
        assertThat(newest.path("trainingCase").asBoolean()).isFalse();
        assertThat(newest.path("heldBy").asText()).isEqualTo("olga");
        assertThat(newest.path("heldAt").asText()).isEqualTo(may.plusDays(2) + "T10:00:00Z");
        assertThat(newest.path("link").asText()).isEqualTo("/audit/case.html?id=" + shipping);
        assertThat(caseIds("olga", days(0, 2))).containsExactly(shipping, quality, crisis);
    }

    @Test
    void filtersByWhenItWasHeldByCauseAndByTrainingCase() {
        assertThat(caseIds("sam", days(0, 0))).containsExactly(crisis);
        assertThat(caseIds("sam", days(1, 2))).containsExactly(shipping, quality);
        assertThat(caseIds("audrey", days(0, 2) + "&cause=systemic")).containsExactly(shipping, crisis);
        assertThat(caseIds("audrey", days(0, 2) + "&cause=individual")).containsExactly(quality);
        assertThat(caseIds("pete", days(0, 2) + "&training=true")).containsExactly(crisis);
        assertThat(caseIds("priya", days(0, 2) + "&training=false&cause=systemic"))
                .containsExactly(shipping);
        assertThat(caseIds("admin", days(0, 2) + "&limit=2")).containsExactly(shipping, quality);
        assertThat(get("admin", days(0, 2) + "&limit=2")
                        .getBody()
                        .path("truncated")
                        .asBoolean())
                .isTrue();
        assertThat(caseIds("olga", "from=" + may + "T10:00:00Z&to=" + may + "T10:00:01Z"))
                .containsExactly(crisis);
    }

    @Test
    void exportsTheSameListAsCsv() {
        ResponseEntity<String> csv = http.withBasicAuth("olga", TestDatabase.password())
                .getForEntity("/api/insights/retrospectives.csv?" + days(0, 2) + "&training=true", String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().lines().toList())
                .containsExactly(
                        "\uFEFFcaseId,businessKey,tier,category,cause,findings,action,trainingCase,heldBy,heldAt,link",
                        crisis + "," + cases.businessKeyOf(crisis)
                                + ",T1,safety,systemic,Power banks of batch 7 overheat.,"
                                + "\"'=Recall batch 7, new supplier test.\",true,sam," + may
                                + "T10:00:00Z,/audit/case.html?id="
                                + crisis);
    }

    @Test
    void aWrongFilterIsABadRequestNamingIt() {
        ResponseEntity<JsonNode> bad = get("olga", "cause=bad-luck&training=maybe&limit=0&from=yesterday&colour=red");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        bad.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("colour", "from", "cause", "training", "limit");
        assertThat(bad.getBody().path("detail").asText())
                .contains("cause must be systemic or individual, not 'bad-luck'");
        assertThat(get("olga", "from=" + may.plusDays(2) + "&to=" + may).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void agentsAndLegalGetForbiddenAndTheReadersGetThePage() {
        for (String user : List.of("ana", "ben", "lena")) {
            assertThat(get(user, "").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(user, TestDatabase.password())
                            .getForEntity("/insights/retrospectives.html", String.class)
                            .getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : List.of("olga", "sam", "pete", "audrey", "priya", "admin")) {
            ResponseEntity<String> page = http.withBasicAuth(user, TestDatabase.password())
                    .getForEntity("/insights/retrospectives.html", String.class);
            assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("Retrospectives / 案件复盘", "retrospectives.js");
        }
    }
}
