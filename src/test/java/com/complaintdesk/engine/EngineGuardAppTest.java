package com.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The engine guard reads a request as the engine will (#15): every spelling of a path or query that two readers
 * could read differently is refused, every spelling of a task completion meets the form's checks, a change from
 * another site's page is refused, a browser is never asked for Basic credentials, the pages send a
 * Content-Security-Policy, and a field of the wrong JSON type is refused by name.
 */
@AppTest
class EngineGuardAppTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    /** An answer read off the socket: its status and body. */
    record Raw(int statusCode, String body) {}

    /** Raw HTTP/1.1 over a socket, so that the path and query go out exactly as written, malformed ones too. */
    Raw raw(String method, String pathAndQuery, String user, String body, Map<String, String> headers)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method)
                .append(' ')
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(port)
                .append("\r\n")
                .append("Authorization: Basic ")
                .append(Base64.getEncoder()
                        .encodeToString((user + ":" + TestDatabase.password()).getBytes(StandardCharsets.UTF_8)))
                .append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(content.length)
                    .append("\r\n");
        }
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int split = answer.indexOf("\r\n\r\n");
            return new Raw(status, split < 0 ? "" : answer.substring(split + 4));
        }
    }

    @Test
    void spellingsTwoReadersCouldReadDifferentlyAre400() throws Exception {
        for (String path : List.of(
                "/engine-rest/task?name=%zz",
                "/engine-rest/task?name=%e0%80%80",
                "/engine-rest//task",
                "/engine-rest/task/..%2F..%2Fuser",
                "/engine-rest/task;x=y",
                "/engine-rest/task/a%2Fb",
                "/%65ngine-rest/task",
                "/engine-rest/task?nameLike=%24%7Bx%7D",
                "/camunda/api/engine/engine/default/task?nameLike=%23%7Bx%7D")) {
            Raw answer = raw("GET", path, "ana", null, Map.of());
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body())
                    .as(path)
                    .doesNotContain("at org.")
                    .doesNotContain("java.lang")
                    .doesNotContain("Tomcat");
        }
    }

    @Test
    void anotherEnginesNameIsNoWayAround() throws Exception {
        Raw answer = raw("GET", "/engine-rest/engine/other/task", "ana", null, Map.of());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void everySpellingOfASubmissionMeetsTheFormsChecks() throws Exception {
        for (String spelling : List.of(
                "/engine-rest/task/%s/submit-form",
                "/engine-rest/engine/default/task/%s/submit-form",
                "/engine-rest/task/%s/submit-form/",
                "/engine-rest/task/%s/complete/",
                "/engine-rest/engine/default/task/%s/complete")) {
            Task task = openTriageTask();
            Raw answer = raw(
                    "POST",
                    String.format(spelling, task.getId()),
                    "ana",
                    "{\"variables\":{\"tier\":{\"value\":\"T9\"},\"category\":{\"value\":\"quality\"}}}",
                    Map.of());
            assertThat(answer.statusCode()).as(spelling + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(spelling).contains("tier");
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                    .as(spelling)
                    .isOne();
        }
    }

    @Test
    void aSubmissionTakesOnlyTheFormsEditableFields() throws Exception {
        Task task = openTriageTask();
        Object limit = runtime.getVariable(task.getProcessInstanceId(), "approvalLimit");
        Raw answer = raw(
                "POST",
                "/engine-rest/task/" + task.getId() + "/submit-form",
                "ana",
                "{\"variables\":{\"tier\":{\"value\":\"T2\"},\"category\":{\"value\":\"packaging_damage\"},"
                        + "\"approvalLimit\":{\"value\":1000000},\"extortionGuarded\":{\"value\":false}}}",
                Map.of());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body())
                .contains("approvalLimit")
                .contains("extortionGuarded")
                .contains("not a field of this form");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "approvalLimit"))
                .isEqualTo(limit);
    }

    @Test
    void aReadOnlyFieldMayComeBackUnchangedButNotChanged() throws Exception {
        Task task = openTriageTask();
        Object text = runtime.getVariable(task.getProcessInstanceId(), ComplaintLifecycle.Var.TEXT);
        String valid = "\"tier\":{\"value\":\"T2\"},\"category\":{\"value\":\"packaging_damage\"}";
        Raw changed = raw(
                "POST",
                "/engine-rest/task/" + task.getId() + "/submit-form",
                "ana",
                "{\"variables\":{" + valid + ",\"" + ComplaintLifecycle.Var.TEXT
                        + "\":{\"value\":\"All good, never mind\"}}}",
                Map.of());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
        assertThat(changed.body()).contains("read-only");

        Raw unchanged = raw(
                "POST",
                "/engine-rest/task/" + task.getId() + "/submit-form",
                "ana",
                "{\"variables\":{" + valid + ",\"" + ComplaintLifecycle.Var.TEXT + "\":{\"value\":"
                        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text) + "}}}",
                Map.of());
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(204);
    }

    @Test
    void aChangeFromAnotherSitesPageIsRefusedAndNothingIsDeployed() {
        String key = "cross-site-deploy";
        String bpmn =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\""
                        + key
                        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/></process></definitions>";
        for (Map<String, String> browser : List.of(
                Map.of("Origin", "https://attacker.example"),
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://shop.example"))) {
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("deployment-name", key);
            parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return key + ".bpmn";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            browser.forEach(headers::add);
            ResponseEntity<String> answer = http.withBasicAuth("pete", TestDatabase.password())
                    .exchange(
                            "/engine-rest/deployment/create",
                            HttpMethod.POST,
                            new HttpEntity<>(parts, headers),
                            String.class);
            assertThat(answer.getStatusCode())
                    .as(browser + ": " + answer.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            browser.forEach(json::add);
            ResponseEntity<String> intake = http.withBasicAuth("ana", TestDatabase.password())
                    .exchange(
                            "/api/complaints",
                            HttpMethod.POST,
                            new HttpEntity<>(SampleComplaint.instagram(5), json),
                            String.class);
            assertThat(intake.getStatusCode()).as("/api " + browser).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .count())
                .isZero();
    }

    @Test
    void theSameSitesPageAndMachineClientsMayChange() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("Origin", "http://localhost:" + port);
        headers.add("Sec-Fetch-Site", "same-origin");
        ResponseEntity<String> sameSite = http.withBasicAuth("ana", TestDatabase.password())
                .exchange(
                        "/api/complaints",
                        HttpMethod.POST,
                        new HttpEntity<>(SampleComplaint.instagram(5), headers),
                        String.class);
        assertThat(sameSite.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> machine = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), String.class);
        assertThat(machine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentialsAndThePagesSendACsp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit/"))
                        .header("Accept", "text/html")
                        .header("Sec-Fetch-Mode", "navigate")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(page.body()).contains("/camunda/app/cockpit/");

        HttpResponse<String> machine = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints/x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(machine.statusCode()).isEqualTo(401);
        assertThat(machine.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        ResponseEntity<String> insights =
                http.withBasicAuth("olga", TestDatabase.password()).getForEntity("/insights/", String.class);
        assertThat(insights.getHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        ResponseEntity<String> audit =
                http.withBasicAuth("audrey", TestDatabase.password()).getForEntity("/audit/", String.class);
        assertThat(audit.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void intakeRefusesAFieldOfTheWrongJsonTypeByName() {
        Map<String, Object> complaint = new java.util.LinkedHashMap<>(SampleComplaint.instagram(5));
        complaint.put("text", 123);
        ResponseEntity<JsonNode> answer = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", complaint, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText())
                .isEqualTo("text");
    }

    private Task openTriageTask() {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task task = tasks.createTaskQuery()
                .processInstanceId(created.getBody().path("processInstanceId").asText())
                .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                .singleResult();
        tasks.claim(task.getId(), "ana");
        return task;
    }
}
