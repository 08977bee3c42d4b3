package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Migrations;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SlaEvents slaEvents;

    @Autowired
    CaseRecords caseRecords;

    SeededCases seeds;
    String a;
    String b;
    String c;
    String d;
    String e;

    @BeforeAll
    void seed() {
        seeds = new SeededCases(jdbc);
        a = seeds.posted(1, "instagram", "ig-a")
                .customer("cust-1", "Mia Chen")
                .order("ord-1")
                .triage("T1", "safety")
                .breached()
                .compensation("full_refund", "38.50")
                .review("updated")
                .insert();
        b = seeds.posted(2, "ebay", "eb-b")
                .customer("cust-1", "Mia Chen")
                .order("ord-2")
                .triage("T2", "quality")
                .compensation("none", null)
                .review("declined")
                .insert();
        c = seeds.posted(3, "wechat", "wx-c")
                .customer("cust-2", "李雷")
                .triage("T3", "suggestion")
                .open()
                .breached()
                .insert();
        d = seeds.posted(4, "instagram", "ig-d")
                .customer("cust-3", null)
                .order("ord-3")
                .triage("T2", "shipping_delay")
                .compensation("partial_refund", "5.00")
                .review("no_answer")
                .insert();
        e = seeds.posted(5, "email", "em-e")
                .customer("cust-3", null)
                .triage("T3", "other")
                .compensation("declined", null)
                .insert();
    }

    @Test
    void searchListsTheDaysCasesNewestFirstWithTheirRecord() {
        JsonNode page = search("audrey", seeds.window()).getBody();

        assertThat(externalIds(page)).containsExactly(e, d, c, b, a);
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("totalExact").asBoolean()).isTrue();
        JsonNode first = page.path("items").get(4);
        assertThat(first.path("channel").asText()).isEqualTo("instagram");
        assertThat(first.path("customerId").asText()).isEqualTo("cust-1-" + seeds.run);
        assertThat(first.path("orderId").asText()).isEqualTo("ord-1-" + seeds.run);
        assertThat(first.path("tier").asText()).isEqualTo("T1");
        assertThat(first.path("slaBreached").asBoolean()).isTrue();
        assertThat(first.path("compensation").asText()).isEqualTo("full_refund");
        assertThat(first.path("compensationAmount").decimalValue()).isEqualByComparingTo("38.50");
        assertThat(first.path("postedAt").asText())
                .isEqualTo(seeds.at(1, 0).toString().replace("Z", ":00Z"));
    }

    @Test
    void eachFilterReturnsExactlyTheMatchingCases() {
        assertThat(ids("channel", "instagram")).containsExactly(d, a);
        assertThat(ids("channel", "wechat")).containsExactly(c);
        assertThat(ids("externalId", b)).containsExactly(b);
        assertThat(ids("customer", "cust-1-" + seeds.run)).containsExactly(b, a);
        assertThat(ids("customer", "李雷 " + seeds.run)).containsExactly(c);
        assertThat(ids("order", "ord-2-" + seeds.run)).containsExactly(b);
        assertThat(ids("tier", "T2")).containsExactly(d, b);
        assertThat(ids("category", "quality")).containsExactly(b);
        assertThat(ids("status", "open")).containsExactly(c);
        assertThat(ids("status", "closed")).containsExactly(e, d, b, a);
        assertThat(ids("slaBreached", "true")).containsExactly(c, a);
        assertThat(ids("slaBreached", "false")).containsExactly(e, d, b);
        assertThat(ids("compensationGiven", "true")).containsExactly(d, a);
        assertThat(ids("compensationGiven", "false")).containsExactly(e, c, b);
        assertThat(ids("reviewOutcome", "declined")).containsExactly(b);
        assertThat(ids("reviewOutcome", "no_answer")).containsExactly(d);
        assertThat(ids("channel", "instagram", "slaBreached", "true")).containsExactly(a);
        assertThat(ids("customer", "cust-3-" + seeds.run, "compensationGiven", "false"))
                .containsExactly(e);
        assertThat(ids("channel", "phone")).isEmpty();
    }

    @Test
    void identifyingFiltersFindTheirCaseAmongAllCases() {
        assertThat(externalIds(search("audrey", q("externalId", c)).getBody())).containsExactly(c);
        assertThat(externalIds(
                        search("audrey", q("order", "ord-3-" + seeds.run)).getBody()))
                .containsExactly(d);
        assertThat(externalIds(
                        search("audrey", q("customer", "Mia Chen " + seeds.run)).getBody()))
                .containsExactly(b, a);
    }

    @Test
    void fromIsInclusiveAndToExclusiveOrTheWholeDayForADate() {
        String twoToFour =
                q("from", seeds.at(2, 0).toString(), "to", seeds.at(4, 0).toString());
        assertThat(externalIds(search("audrey", twoToFour).getBody())).containsExactly(c, b);
        // the same span written with another offset
        String shanghai = q(
                "from",
                seeds.at(2, 0)
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                        .toOffsetDateTime()
                        .toString(),
                "to",
                seeds.at(4, 0).toString());
        assertThat(externalIds(search("audrey", shanghai).getBody())).containsExactly(c, b);
        String dayBefore = q(
                "from",
                seeds.day.minusDays(1).toString(),
                "to",
                seeds.day.minusDays(1).toString());
        assertThat(externalIds(search("audrey", dayBefore).getBody())).isEmpty();
    }

    @Test
    void pagesThroughTheMatchesWithTheirTotal() {
        JsonNode first = search("audrey", seeds.window() + "&size=2").getBody();
        JsonNode second = search("audrey", seeds.window() + "&size=2&page=1").getBody();
        JsonNode last = search("audrey", seeds.window() + "&size=2&page=2").getBody();
        JsonNode beyond = search("audrey", seeds.window() + "&size=2&page=3").getBody();

        assertThat(externalIds(first)).containsExactly(e, d);
        assertThat(externalIds(second)).containsExactly(c, b);
        assertThat(externalIds(last)).containsExactly(a);
        assertThat(externalIds(beyond)).isEmpty();
        for (JsonNode page : List.of(first, second, last, beyond)) {
            assertThat(page.path("total").asLong()).isEqualTo(5);
            assertThat(page.path("totalExact").asBoolean()).isTrue();
            assertThat(page.path("size").asInt()).isEqualTo(2);
        }
        assertThat(second.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void wrongParametersAreRefusedNamingEach() {
        assertProblem("tier=T9", "tier", "T9");
        assertProblem("from=" + seeds.day.plusDays(1) + "&to=" + seeds.day, "from", "before to");
        assertProblem("size=201", "size", "between 1 and 200");
        assertProblem("size=0", "size", "between 1 and 200");
        assertProblem("page=-1", "page", "between 0");
        assertProblem("page=50&size=200", "page", "first 10000 matches");
        assertProblem("tierr=T1", "tierr", "not a known parameter");
        assertProblem("slaBreached=maybe", "slaBreached", "true or false");
        assertProblem("from=yesterday", "from", "ISO-8601");
        assertProblem("channel=myspace", "channel", "instagram");
        assertProblem("status=open&status=closed", "status", "at most once");
        assertProblem("reviewOutcome=happy", "reviewOutcome", "no_answer");
        assertProblem("category=weather", "category", "shipping_delay");
        assertProblem("format=csv", "format", "not a known parameter");

        ResponseEntity<JsonNode> several = search("audrey", "tier=T9&size=500");
        assertThat(several.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("tier", "size");
    }

    @Test
    void intakeSlaEventsAndCompensationKeepTheSearchedColumnsUpToDate() throws Exception {
        Map<String, Object> complaint = SampleComplaint.instagram(3);
        String orderId = (String) SampleComplaint.child(complaint, "order").get("id");
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", complaint, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().path("caseId").asText();
        String byOrder = q("order", orderId);

        JsonNode received = search("audrey", byOrder).getBody();
        assertThat(received.path("items")).singleElement().satisfies(item -> {
            assertThat(item.path("caseId").asText()).isEqualTo(caseId);
            assertThat(item.path("slaBreached").asBoolean()).isFalse();
            assertThat(item.path("compensationGiven").asBoolean()).isFalse();
        });

        slaEvents.record(new SlaEvent(
                caseId,
                null,
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.BREACHED,
                "T2",
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                null));
        caseRecords.recordCompensation(caseId, "coupon", new BigDecimal("5.00"));
        assertThat(externalIds(search("audrey", byOrder + "&slaBreached=true&compensationGiven=true")
                        .getBody()))
                .hasSize(1);

        caseRecords.recordCompensation(caseId, "declined", null);
        assertThat(externalIds(
                        search("audrey", byOrder + "&compensationGiven=true").getBody()))
                .isEmpty();
        assertThat(externalIds(
                        search("audrey", byOrder + "&compensationGiven=false").getBody()))
                .hasSize(1);

        // a case received before V10 had no order id: migration 10.1 reads it from the complaint as received
        jdbc.sql("UPDATE cd_complaint SET order_id = NULL WHERE id = :id")
                .param("id", caseId)
                .update();
        assertThat(externalIds(search("audrey", byOrder).getBody())).isEmpty();
        Migrations.run(new OrderIdBackfill(), dataSource);
        assertThat(externalIds(search("audrey", byOrder).getBody())).hasSize(1);
    }

    private void assertProblem(String query, String field, String messagePart) {
        ResponseEntity<JsonNode> refused = search("audrey", query);
        assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).as(query).singleElement().satisfies(problem -> {
            assertThat(problem.path("field").asText()).isEqualTo(field);
            assertThat(problem.path("message").asText()).contains(messagePart);
        });
        assertThat(refused.getBody().path("detail").asText()).contains(field);
    }

    /** The day's cases that match these filters (name, value, …), in the order the search lists them. */
    private List<String> ids(String... filters) {
        ResponseEntity<JsonNode> page = search("audrey", seeds.window() + "&" + q(filters));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return externalIds(page.getBody());
    }

    static String q(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    static List<String> externalIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("externalId").asText()));
        return ids;
    }

    private ResponseEntity<JsonNode> search(String user, String query) {
        return http.withBasicAuth(user, TestDatabase.password())
                .getForEntity(URI.create("/api/audit/cases?" + query), JsonNode.class);
    }
}
