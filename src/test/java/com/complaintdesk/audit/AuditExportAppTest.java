package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.evidence.EvidenceItem;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditCases cases;

    @Autowired
    SlaEvents slaEvents;

    @Autowired
    ObjectMapper json;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    Retrospectives retrospectives;

    SeededCases seeds;
    SeededCases.Builder quoted;
    String formula;
    String chinese;
    String tiedEarlier;
    String tiedLater;

    @BeforeAll
    void seed() {
        seeds = new SeededCases(jdbc);
        SeededCases.Builder early = seeds.posted(2, "instagram", "ig-tie-1").customer("cust-7", "Mia Chen");
        SeededCases.Builder late = seeds.posted(2, "instagram", "ig-tie-2").customer("cust-7", "Mia Chen");
        // the same posting time: the later id comes first
        tiedLater = (early.id.compareTo(late.id) > 0 ? early : late).insert();
        tiedEarlier = (early.id.compareTo(late.id) > 0 ? late : early).insert();
        quoted = seeds.posted(3, "ebay", "eb-q")
                .customer("cust-8", "O'Brien, Pat")
                .order("ord-8")
                .triage("T1", "safety")
                .breached()
                .compensation("full_refund", "12.30")
                .review("updated")
                .text("He said \"no\", twice,\nthen left.");
        quoted.insert();
        formula = seeds.posted(4, "web", "web-f")
                .customer("cust-9", null)
                .text("=HYPERLINK(\"http://x.example\")")
                .insert();
        chinese = seeds.posted(5, "wechat", "wx-z")
                .customer("cust-10", "李雷")
                .text("收到的杯子碎了，包装太差了！")
                .insert();
    }

    @Test
    void csvExportHasAHeaderAndEveryMatchNewestFirstQuotedAndSafeForSpreadsheets() {
        ResponseEntity<byte[]> export =
                get("audrey", "/api/audit/cases/export?" + seeds.window() + "&format=csv", byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;")
                .matches(".*filename=\"cases-\\d{8}T\\d{6}Z\\.csv\".*");
        String body = new String(export.getBody(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF" + String.join(",", CaseRow.COLUMNS) + "\r\n");
        List<String> records = records(body.substring(1));
        assertThat(records).hasSize(6);
        assertThat(records.get(1)).contains("," + chinese + ",", "收到的杯子碎了，包装太差了！", "李雷 " + seeds.run);
        assertThat(records.get(2))
                .contains("," + formula + ",", ",\"'=HYPERLINK(\"\"http://x.example\"\")\",")
                .doesNotContain("\"=HYPERLINK");
        assertThat(records.get(3))
                .contains(
                        quoted.id + ",ebay,",
                        "\"O'Brien, Pat " + seeds.run + "\"",
                        ",\"He said \"\"no\"\", twice,\nthen left.\",",
                        ",T1,safety,closed,true,",
                        ",full_refund,12.30,true,updated,");
        assertThat(records.get(4)).contains("," + tiedLater + ",");
        assertThat(records.get(5)).contains("," + tiedEarlier + ",");
    }

    @Test
    void jsonExportSaysWhoExportedWhatAndListsEveryMatch() {
        ResponseEntity<JsonNode> export =
                get("olga", "/api/audit/cases/export?" + seeds.window() + "&channel=instagram", JsonNode.class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains(".json");
        JsonNode body = export.getBody();
        assertThat(body.path("exportedBy").asText()).isEqualTo("olga");
        assertThat(body.path("filters").path("channel").asText()).isEqualTo("instagram");
        assertThat(body.path("filters").path("from").asText()).isEqualTo(seeds.day.toString());
        assertThat(body.path("count").asInt()).isEqualTo(2);
        assertThat(AuditSearchAppTest.externalIds(body)).containsExactly(tiedLater, tiedEarlier);
        assertThat(body.path("items").get(0).path("customerName").asText()).isEqualTo("Mia Chen " + seeds.run);
    }

    @Test
    void theExportWalksEveryMatchBatchAfterBatchWithoutRepeatingOrSkippingTiedTimes() {
        CaseQuery day = new CaseQuery(
                null, null, null, null, null, null, null, seeds.at(0, 0), seeds.at(23, 59), null, null, null);
        List<String> walked = new ArrayList<>();

        long count = cases.export(day, 2, row -> walked.add(row.externalId()));

        assertThat(count).isEqualTo(5);
        assertThat(walked).containsExactly(chinese, formula, quoted.externalId, tiedLater, tiedEarlier);
    }

    @Test
    void exportRefusesAnUnknownFormatOrFilter() {
        ResponseEntity<JsonNode> format = get("audrey", "/api/audit/cases/export?format=xlsx", JsonNode.class);
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(format.getBody().findValuesAsText("field")).containsExactly("format");
        ResponseEntity<JsonNode> tier = get("audrey", "/api/audit/cases/export?tier=T4&size=10", JsonNode.class);
        assertThat(tier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tier.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("tier", "size");
    }

    @Test
    void aCaseFileHoldsItsRecordTheComplaintItsSlaEventsItsMessagesItsEvidenceAndItsRetrospective() {
        String caseId = quoted.id;
        OffsetDateTime due = seeds.at(4, 0);
        slaEvents.record(new SlaEvent(
                caseId, "pi-" + seeds.run, SlaEvent.FIRST_RESPONSE, SlaEvent.STARTED, "T1", due, seeds.at(3, 1), null));
        slaEvents.record(new SlaEvent(
                caseId, "pi-" + seeds.run, SlaEvent.FIRST_RESPONSE, SlaEvent.BREACHED, "T1", due, due, null));
        slaEvents.record(new SlaEvent(
                caseId,
                "pi-" + seeds.run,
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.STOPPED,
                "T1",
                due,
                seeds.at(4, 30),
                "sam"));
        jdbc.sql(
                        """
                INSERT INTO cd_outbound_message (id, case_id, channel, kind, surface, recipient, text, idempotency_key,
                                                 status, platform_ref, created_at, delivered_at)
                VALUES (:id, :caseId, 'ebay', 'REPLY', 'public', 'buyer-8', 'We are sorry, and thank you.', :key,
                        'delivered', 'reply-1', :at, :at)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("caseId", caseId)
                .param("key", "reply:" + caseId)
                .param("at", seeds.at(4, 29))
                .update();

        EvidenceItem received = evidence.preserve(
                caseId, "complaint", "{\"text\":\"He said no, twice.\"}", "channel:ebay", seeds.at(3, 0));
        EvidenceItem sent = evidence.preserve(
                caseId, "outbound", "REPLY on ebay public: We are sorry, and thank you.", "sam", seeds.at(4, 29));
        retrospectives.record(
                caseId,
                Retrospectives.INDIVIDUAL,
                "The first response came half an hour late.",
                "Coach the night shift on T1 deadlines.",
                true,
                "sam",
                seeds.at(6, 0));

        ResponseEntity<JsonNode> file = get("audrey", "/api/audit/cases/" + caseId, JsonNode.class);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = file.getBody();
        assertThat(body.path("case").path("externalId").asText()).isEqualTo(quoted.externalId);
        assertThat(body.path("case").path("slaBreached").asBoolean()).isTrue();
        assertThat(body.path("complaint").path("channel").asText()).isEqualTo("ebay");
        assertThat(body.path("slaEvents").findValuesAsText("event")).containsExactly("started", "breached", "stopped");
        assertThat(body.path("slaEvents").get(2).path("actor").asText()).isEqualTo("sam");
        assertThat(body.path("messages")).singleElement().satisfies(m -> {
            assertThat(m.path("kind").asText()).isEqualTo("REPLY");
            assertThat(m.path("text").asText()).isEqualTo("We are sorry, and thank you.");
            assertThat(m.path("status").asText()).isEqualTo("delivered");
        });
        // X4, E6: the evidence, each item with its verification state, and the chain's verdict
        assertThat(body.path("evidence")).hasSize(2);
        assertThat(body.path("evidence").get(0).path("id").asText()).isEqualTo(received.id());
        assertThat(body.path("evidence").get(0).path("content").asText())
                .isEqualTo("{\"text\":\"He said no, twice.\"}");
        assertThat(body.path("evidence").get(1).path("createdBy").asText()).isEqualTo("sam");
        assertThat(body.path("evidence").findValuesAsText("state")).containsExactly("verified", "verified");
        assertThat(body.path("evidence").findValuesAsText("sha256")).containsExactly(received.sha256(), sent.sha256());
        assertThat(body.path("evidenceVerification").path("valid").asBoolean()).isTrue();
        assertThat(body.path("evidenceVerification").path("lastSha256").asText())
                .isEqualTo(sent.sha256());
        // A4
        assertThat(body.path("retrospective").path("cause").asText()).isEqualTo("individual");
        assertThat(body.path("retrospective").path("heldBy").asText()).isEqualTo("sam");
        assertThat(body.path("retrospective").path("trainingCase").asBoolean()).isTrue();

        ResponseEntity<byte[]> csv = get("sam", "/api/audit/cases/" + caseId + ".csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("case-" + caseId + ".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFsection,at,item,value,by,detail\r\n")
                .contains("\r\ncase,,externalId," + quoted.externalId + ",,\r\n")
                .contains("\r\ncase,,tier,T1,,\r\n")
                .contains("\r\ncase,,customerName,\"O'Brien, Pat " + seeds.run + "\",,\r\n")
                .contains("\r\ncomplaint,,channel,ebay,,\r\n")
                .contains("\r\nsla," + seeds.day + "T04:00:00Z,first_response breached,T1,,due " + seeds.day
                        + "T04:00:00Z\r\n")
                .contains("\r\nsla," + seeds.day + "T04:30:00Z,first_response stopped,T1,sam,")
                .contains("\r\nmessage," + seeds.day + "T04:29:00Z,REPLY,\"We are sorry, and thank you.\",,"
                        + "delivered " + seeds.day + "T04:29:00Z; on ebay public to buyer-8; ref reply-1\r\n")
                .contains("\r\nevidence," + seeds.day
                        + "T03:00:00Z,#1 complaint,\"{\"\"text\"\":\"\"He said no, twice.\"\"}\","
                        + "channel:ebay,verified; sha256 " + received.sha256() + "\r\n")
                .contains("\r\nevidence," + seeds.day + "T04:29:00Z,#2 outbound,")
                .contains(",verification,valid,,all 2 items verified; last sha256 " + sent.sha256() + "\r\n")
                .contains("\r\nretrospective," + seeds.day + "T06:00:00Z,cause,individual,sam,\r\n")
                .contains("\r\nretrospective," + seeds.day + "T06:00:00Z,trainingCase,true,sam,\r\n");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertThat(get("audrey", "/api/audit/cases/no-such-case", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("audrey", "/api/audit/cases/no-such-case.csv", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The records of a CSV text: its lines, except line breaks inside quotes. */
    private static List<String> records(String csv) {
        List<String> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            }
            if (!quoted && ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                records.add(current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(ch);
            }
        }
        if (current.length() > 0) {
            records.add(current.toString());
        }
        return records;
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.withBasicAuth(user, TestDatabase.password()).getForEntity(URI.create(path), type);
    }
}
