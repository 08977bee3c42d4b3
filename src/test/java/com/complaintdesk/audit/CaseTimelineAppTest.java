package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The timeline of a whole case (#5), driven through the application as people work it in Tasklist: every step in
 * the order it happened, with who did it, read by an auditor and by the other roles that may read it.
 */
@AppTest
class CaseTimelineAppTest {

    private static final String ANA = TimelineCases.ANA;
    private static final String SAM = TimelineCases.SAM;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    Tasklist tasklist;

    @BeforeEach
    void workAsTasklistDoes() {
        tasklist = new Tasklist(http, management);
    }

    /**
     * T3, P1–P6, F1–F7, R2, R4, X4: an Instagram suggestion worked by ana from triage to closure. The timeline holds,
     * in this order, the complaint received, the triage decision with its inputs and outputs, sam's comment, ana's
     * triage and reply, the reply delivered, the follow-up, the resolution, the review request, the closure; each
     * task with its candidate groups and the person who claimed and completed it.
     */
    @Test
    void theTimelineOfAWorkedCaseHasEveryStepInOrderWithWhoDidIt() {
        Opened c = TimelineCases.generalSuggestionOnInstagram(tasklist);
        TimelineCases.awaitEnded(tasklist, history, c.processInstanceId());

        JsonNode timeline = timeline("audrey", c.caseId());
        assertThat(timeline.path("caseId").asText()).isEqualTo(c.caseId());
        assertThat(timeline.path("businessKey").asText()).isEqualTo(c.businessKey());
        List<JsonNode> entries = new ArrayList<>();
        timeline.path("entries").forEach(entries::add);
        assertChronological(entries);

        int received = first(entries, -1, "the complaint received", e -> is(e, "case", "received"));
        int triageDecision = first(entries, received, "the triage decision", e -> decision(e, "triage"));
        int comment = first(entries, triageDecision, "sam's comment", e -> is(e, "comment", "added"));
        // the form's values are set as ana submits it, the task is completed with them
        int triageNote = first(
                entries,
                comment,
                "the triage note ana submitted",
                e -> is(e, "variable", null)
                        && Var.TRIAGE_NOTE.equals(e.path("detail").path("name").asText()));
        int triage = first(entries, triageNote, "triage completed", e -> task(e, "completed", Activity.CONFIRM_TRIAGE));
        int draft = first(entries, triage, "the reply drafted", e -> task(e, "completed", Activity.DRAFT_REPLY));
        int redLines = first(entries, draft, "the red-line check", e -> decision(e, "red-lines"));
        int replyDelivered = first(entries, redLines, "the reply delivered", e -> message(e, "delivered", "REPLY"));
        int firstResponse =
                first(entries, replyDelivered, "the first response recorded", e -> is(e, "case", "first-response"));
        int followUp = first(
                entries,
                firstResponse,
                "the follow-up prepared",
                e -> task(e, "completed", Activity.PREPARE_FOLLOW_UP));
        int contact = first(
                entries, followUp, "the customer contacted", e -> task(e, "completed", Activity.CONTACT_CUSTOMER));
        int privateMessage = first(
                entries, contact, "the private message delivered", e -> message(e, "delivered", "PRIVATE_MESSAGE"));
        int resolution = first(
                entries,
                privateMessage,
                "the resolution confirmed",
                e -> task(e, "completed", Activity.CONFIRM_RESOLUTION));
        int resolved = first(entries, resolution, "the case resolved", e -> is(e, "case", "resolved"));
        int reviewRequest = first(
                entries, resolved, "the review request delivered", e -> message(e, "delivered", "REVIEW_REQUEST"));
        int reviewOutcome = first(
                entries,
                reviewRequest,
                "the review outcome recorded",
                e -> task(e, "completed", Activity.RECORD_REVIEW_OUTCOME));
        int close =
                first(entries, reviewOutcome, "the case closed by ana", e -> task(e, "completed", Activity.CLOSE_CASE));
        int closed = first(entries, close, "the case record closed", e -> is(e, "case", "closed"));
        first(entries, closed, "the lifecycle ended", e -> is(e, "process", "ended"));
        assertThat(entries.get(firstResponse).path("at").asText())
                .as("first response recorded as the reply was delivered")
                .isEqualTo(entries.get(replyDelivered).path("at").asText());

        JsonNode receivedEntry = entries.get(received);
        assertThat(receivedEntry.path("actor").asText()).isEqualTo(ANA);
        assertThat(receivedEntry.path("detail").path("businessKey").asText()).isEqualTo(c.businessKey());

        // the DMN evaluation with what went in and what came out
        JsonNode triageDmn = entries.get(triageDecision).path("detail");
        assertThat(triageDmn.path("activityId").asText()).isEqualTo(Activity.SUGGEST_TRIAGE);
        assertThat(values(triageDmn.path("inputs")))
                .containsEntry("Signals", "suggestion")
                .containsKey("Order value");
        assertThat(values(triageDmn.path("outputs")))
                .containsEntry("Suggested tier", "T3")
                .containsEntry("Suggested category", "suggestion");
        assertThat(entries.get(triageDecision).path("processKey").asText()).isEqualTo("complaint-lifecycle");

        JsonNode commentEntry = entries.get(comment);
        assertThat(commentEntry.path("actor").asText()).isEqualTo(SAM);
        assertThat(commentEntry.path("detail").path("message").asText()).isEqualTo(TimelineCases.TRIAGE_COMMENT);
        assertThat(commentEntry.path("detail").path("task").asText()).isEqualTo("Confirm triage");

        // every task: its candidate groups, claimed and completed by ana, with its duration
        List<JsonNode> completed =
                entries.stream().filter(e -> is(e, "task", "completed")).toList();
        assertThat(completed)
                .extracting(e -> e.path("detail").path("taskDefinitionKey").asText())
                .containsExactly(
                        Activity.CONFIRM_TRIAGE,
                        Activity.DRAFT_REPLY,
                        Activity.PREPARE_FOLLOW_UP,
                        Activity.CONTACT_CUSTOMER,
                        Activity.CONFIRM_RESOLUTION,
                        Activity.RECORD_REVIEW_OUTCOME,
                        Activity.CLOSE_CASE);
        assertThat(completed).allSatisfy(e -> {
            assertThat(e.path("actor").asText()).as(e.toString()).isEqualTo(ANA);
            assertThat(e.path("detail").path("claimedBy").asText())
                    .as(e.toString())
                    .isEqualTo(ANA);
            assertThat(texts(e.path("detail").path("candidateGroups")))
                    .as(e.toString())
                    .containsExactly("agents", "supervisors");
            assertThat(e.path("detail").path("durationMs").asLong(-1))
                    .as(e.toString())
                    .isNotNegative();
            assertThat(Instant.parse(e.path("detail").path("claimedAt").asText()))
                    .isBetween(
                            Instant.parse(e.path("detail").path("createdAt").asText()),
                            Instant.parse(e.path("at").asText()));
        });
        assertThat(entries.stream().filter(e -> is(e, "task", "created"))).hasSize(completed.size());
        assertThat(entries.stream().filter(e -> is(e, "operation", "Claim")))
                .hasSize(completed.size())
                .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo(ANA));

        // who set a variable: the user of the operation in whose transaction it was set
        JsonNode note = entries.get(triageNote);
        assertThat(note.path("actor").asText()).isEqualTo(ANA);
        assertThat(note.path("detail").path("value").asText()).isEqualTo("Product idea: a lid for the 350 ml mug.");
        assertThat(note.path("detail").path("operation").asText()).isEqualTo("Complete");

        JsonNode reply = entries.get(replyDelivered).path("detail");
        assertThat(reply.path("platformRef").asText()).isNotBlank();
        assertThat(reply.path("attempts").asInt()).isEqualTo(1);
        assertThat(entries.get(replyDelivered).path("processKey").asText()).isEqualTo("complaint-lifecycle");

        // the SLA clocks and the evidence, verified
        assertThat(entries.stream()
                        .filter(e -> is(e, "sla", null))
                        .map(e -> e.path("detail").path("clock").asText() + " "
                                + e.path("event").asText()))
                .contains(
                        "first_response started", "resolution started", "first_response stopped", "resolution stopped")
                .doesNotContain("first_response breached", "resolution breached");
        assertThat(entries.stream().filter(e -> is(e, "evidence", null)))
                .extracting(e -> e.path("detail").path("kind").asText() + " "
                        + e.path("event").asText())
                .containsExactly(
                        "complaint verified",
                        "order verified",
                        "outbound verified",
                        "outbound verified",
                        "outbound verified",
                        "order verified");
        assertThat(timeline.path("evidence").path("valid").asBoolean()).isTrue();
    }

    /**
     * The owners read every case with {@code READ_HISTORY} on the process and decision definitions only (no task,
     * instance or operation log grants of their own), the supervisors with theirs: both see the same engine
     * history as the auditor, down to who completed each task.
     */
    @Test
    void ownersAndSupervisorsReadTheSameTimelineAsAnAuditor() {
        Opened c = TimelineCases.generalSuggestionOnInstagram(tasklist);
        TimelineCases.awaitEnded(tasklist, history, c.processInstanceId());

        List<String> audrey = summary(timeline("audrey", c.caseId()));
        assertThat(audrey)
                .anyMatch(line -> line.startsWith("task completed ana Close case"))
                .anyMatch(line -> line.startsWith("decision evaluated null Triage"))
                .anyMatch(line -> line.startsWith("variable "));
        assertThat(summary(timeline("olga", c.caseId()))).isEqualTo(audrey);
        assertThat(summary(timeline("sam", c.caseId()))).isEqualTo(audrey);
    }

    @Test
    void anAgentIsRefusedTheTimelineAndAnUnknownCaseIsNotFound() {
        ResponseEntity<JsonNode> agent = tasklist.get(ANA, "/api/audit/cases/" + UUID.randomUUID() + "/timeline");
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> unknown = tasklist.get("audrey", "/api/audit/cases/no-such-case/timeline");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).isEqualTo("No case with id no-such-case");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private JsonNode timeline(String user, String caseId) {
        ResponseEntity<JsonNode> response = tasklist.get(user, "/api/audit/cases/" + caseId + "/timeline");
        assertThat(response.getStatusCode())
                .as("%s: %s", user, response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void assertChronological(List<JsonNode> entries) {
        for (int i = 1; i < entries.size(); i++) {
            Instant before = Instant.parse(entries.get(i - 1).path("at").asText());
            Instant at = Instant.parse(entries.get(i).path("at").asText());
            assertThat(at)
                    .as("entry %d (%s) after entry %d (%s)", i, entries.get(i), i - 1, entries.get(i - 1))
                    .isAfterOrEqualTo(before);
        }
    }

    /** The index of the first entry after {@code from} that matches. */
    private static int first(List<JsonNode> entries, int from, String what, Predicate<JsonNode> matches) {
        for (int i = from + 1; i < entries.size(); i++) {
            if (matches.test(entries.get(i))) {
                return i;
            }
        }
        return fail("no %s after entry %d of the timeline:%n%s", what, from, String.join("\n", lines(entries)));
    }

    private static boolean is(JsonNode e, String kind, String event) {
        return kind.equals(e.path("kind").asText())
                && (event == null || event.equals(e.path("event").asText()));
    }

    private static boolean task(JsonNode e, String event, String taskDefinitionKey) {
        return is(e, "task", event)
                && taskDefinitionKey.equals(
                        e.path("detail").path("taskDefinitionKey").asText());
    }

    private static boolean decision(JsonNode e, String decisionKey) {
        return is(e, "decision", "evaluated")
                && decisionKey.equals(e.path("detail").path("decisionKey").asText());
    }

    private static boolean message(JsonNode e, String event, String messageKind) {
        return is(e, "message", event)
                && messageKind.equals(e.path("detail").path("kind").asText());
    }

    /** A decision's inputs or outputs by name. */
    private static Map<String, String> values(JsonNode list) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        list.forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /** What each entry says, without the evidence check's own time: kind, event, actor, title, process. */
    private static List<String> summary(JsonNode timeline) {
        List<String> lines = new ArrayList<>();
        timeline.path("entries")
                .forEach(e -> lines.add(e.path("kind").asText() + " "
                        + e.path("event").asText() + " " + e.path("actor").asText() + " "
                        + e.path("title").asText() + " " + e.path("at").asText()));
        return lines;
    }

    private static List<String> lines(List<JsonNode> entries) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            lines.add(i + " " + e.path("at").asText() + " " + e.path("kind").asText() + " "
                    + e.path("event").asText() + " " + e.path("actor").asText() + " "
                    + e.path("title").asText());
        }
        return lines.stream().collect(Collectors.toList());
    }
}
