package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What the engine REST API ({@code /engine-rest}) and the webapps' engine API ({@code /camunda/api/engine/…}) refuse
 * before the engine sees it (the engine guard (com.complaintdesk.engine.EngineGuard)): expressions in queries and filters, {@code orQueries}, huge
 * pages, Java serialized variables, documents with a DOCTYPE (XXE). Each case is tried on both APIs, by query string
 * and by JSON body, and what the engine holds afterwards is checked.
 */
@AppTest
class EngineApiGuardAppTest {

    /** Every task query parameter of the Camunda 7.24 REST API that the engine evaluates as an expression (TaskQueryDto). */
    static final List<String> EXPRESSION_PARAMETERS = List.of(
            "assigneeExpression",
            "assigneeLikeExpression",
            "ownerExpression",
            "candidateGroupExpression",
            "candidateGroupsExpression",
            "candidateUserExpression",
            "involvedUserExpression",
            "dueDateExpression",
            "dueBeforeExpression",
            "dueAfterExpression",
            "followUpDateExpression",
            "followUpBeforeExpression",
            "followUpBeforeOrNotExistentExpression",
            "followUpAfterExpression",
            "createdOnExpression",
            "createdBeforeExpression",
            "createdAfterExpression",
            "updatedAfterExpression",
            "processInstanceBusinessKeyExpression",
            "processInstanceBusinessKeyLikeExpression");

    /** Expressions an attacker would send: JUEL's two forms, a method call, and the escaped spelling inside JSON. */
    static final String EXPRESSION =
            "${execution.getProcessEngineServices().getIdentityService().createUserQuery().list()}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    FilterService filters;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    /** The two ways into the engine's REST resources: HTTP Basic on /engine-rest, a webapp session on /camunda/api. */
    enum Api {
        ENGINE_REST,
        WEBAPP
    }

    static Stream<Api> apis() {
        return Stream.of(Api.values());
    }

    @ParameterizedTest
    @MethodSource("apis")
    void everyExpressionParameterOfATaskQueryIsRefusedByQueryStringAndByBody(Api api) {
        Caller caller = caller(api, "ana");
        assertThat(caller.get("/task?assignee=ana").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String parameter : EXPRESSION_PARAMETERS) {
            for (String expression : List.of(EXPRESSION, "#{1+1}", "${currentUser()}")) {
                ResponseEntity<String> byQuery = caller.get("/task?" + parameter + "=" + encode(expression));
                assertRefused(byQuery, parameter, "expressions are not accepted");
                ResponseEntity<String> byBody =
                        caller.postJson("/task", "{\"" + parameter + "\":" + quote(expression) + "}");
                assertRefused(byBody, parameter, "expressions are not accepted");
                assertRefused(
                        caller.postJson("/task/count", "{\"" + parameter + "\":" + quote(expression) + "}"),
                        parameter,
                        "expressions are not accepted");
            }
        }
        // JSON's own escapes spell the same expression
        assertRefused(
                caller.postJson("/task", "{\"assigneeExpression\":\"\\u0024{currentUser()}\"}"),
                "assigneeExpression",
                "expressions are not accepted");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void orQueriesAreRefusedWhereverTheyAppear(Api api) {
        Caller caller = caller(api, "ana");
        assertThat(caller.postJson("/task", "{\"active\":true}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String body : List.of(
                "{\"orQueries\":[{\"name\":\"x\"}]}",
                "{\"active\":true,\"orQueries\":[{\"assigneeExpression\":\"${'ana'}\"}]}",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\",\"orQueries\":[{\"name\":\"x\"}]}]}",
                "{\"OrQueries\":[{\"name\":\"x\"}]}")) {
            assertRefused(caller.postJson("/task", body), "orQueries", "orQueries are not accepted");
        }
        assertRefused(caller.get("/task?orQueries=x"), "orQueries", "orQueries are not accepted");
        assertRefused(caller.get("/task?orQueries%5B0%5D.name=x"), "orQueries", "orQueries are not accepted");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void aFilterCannotStoreOrRunAnExpressionSentByACaller(Api api) {
        Caller caller = caller(api, "ana");
        long before = filters.createFilterQuery().count();
        String query = "{\"assigneeExpression\":" + quote(EXPRESSION) + "}";
        assertRefused(
                caller.postJson(
                        "/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"owner\":\"ana\",\"query\":" + query + "}"),
                "query.assigneeExpression",
                "expressions are not accepted");
        assertRefused(
                caller.postJson(
                        "/filter/create",
                        "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"owner\":\"ana\",\"query\":{\"orQueries\":[{\"name\":\"x\"}]}}"),
                "query.orQueries",
                "orQueries are not accepted");
        assertThat(filters.createFilterQuery().count()).as("no filter stored").isEqualTo(before);

        // a stored filter (the application's own, which carry ${currentUser()}) runs, but not extended with one
        String filterId = filters.createFilterQuery()
                .filterName("My tasks / 我的任务")
                .list()
                .get(0)
                .getId();
        assertThat(caller.postJson("/filter/" + filterId + "/list?maxResults=10", "{}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertRefused(
                caller.postJson("/filter/" + filterId + "/list", query),
                "assigneeExpression",
                "expressions are not accepted");
        assertRefused(
                caller.postJson("/filter/" + filterId + "/count", query),
                "assigneeExpression",
                "expressions are not accepted");
        assertRefused(
                caller.get("/filter/" + filterId + "/list?assigneeExpression=" + encode(EXPRESSION)),
                "assigneeExpression",
                "expressions are not accepted");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void aPageOfTenMillionIsRefusedTheCapIsServed(Api api) {
        Caller caller = caller(api, "ana");
        assertThat(caller.get("/task?maxResults=2000").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : List.of(
                "/task?maxResults=10000000",
                "/task?firstResult=0&maxResults=%2B10000000",
                "/history/task?maxResults=10000000",
                "/process-instance?maxResults=10000000",
                "/task?maxResults=2001")) {
            assertRefused(caller.get(path), "maxResults", "must not exceed 2000");
        }
        assertRefused(caller.postJson("/task?maxResults=10000000", "{}"), "maxResults", "must not exceed 2000");
    }

    @ParameterizedTest
    @MethodSource("apis")
    void aJavaSerializedVariableIsRefusedAndNothingIsSet(Api api) {
        String processInstanceId = openCase();
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateGroup(Roles.AGENTS)
                .singleResult();
        Caller caller = caller(api, "sam");
        String serialized = "{\"value\":\"rO0ABXQABWhlbGxv\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

        assertRefused(
                caller.exchange(
                        HttpMethod.PUT,
                        "/process-instance/" + processInstanceId + "/variables/payload",
                        MediaType.APPLICATION_JSON,
                        serialized),
                "valueInfo",
                "not accepted");
        assertRefused(
                caller.postJson(
                        "/process-instance/" + processInstanceId + "/variables",
                        "{\"modifications\":{\"payload\":" + serialized + "}}"),
                "valueInfo",
                "not accepted");
        assertRefused(
                caller.postJson(
                        "/task/" + task.getId() + "/complete", "{\"variables\":{\"payload\":" + serialized + "}}"),
                "valueInfo",
                "not accepted");
        assertRefused(
                caller.postJson(
                        "/process-definition/key/complaint-lifecycle/start",
                        "{\"businessKey\":\"x:serialized\",\"variables\":{\"payload\":" + serialized + "}}"),
                "valueInfo",
                "not accepted");
        // the binary upload of a variable: refused by the engine's REST API itself (a serialized Object needs a String)
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType("application/x-java-serialized-object"));
        parts.add(
                "data",
                new HttpEntity<>(
                        file(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 't', 0, 1, 'x'}, "payload.ser"), partHeaders));
        parts.add("valueType", "Object");
        ResponseEntity<String> upload = caller.exchange(
                HttpMethod.POST,
                "/process-instance/" + processInstanceId + "/variables/payload/data",
                MediaType.MULTIPART_FORM_DATA,
                parts);
        assertThat(upload.getStatusCode()).as(upload.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(runtime.getVariable(processInstanceId, "payload")).isNull();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("the task is still open")
                .isOne();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey("x:serialized")
                        .count())
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("apis")
    void aDeploymentWithAnExternalEntityIsRefusedAndNothingIsDeployed(Api api) {
        Caller caller = caller(api, "pete");
        long deployments = repository.createDeploymentQuery().count();
        String entity = "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        for (byte[] document : List.of(
                bpmn("UTF-8", entity, "&xxe;").getBytes(StandardCharsets.UTF_8),
                bpmn("UTF-8", entity.replace("DOCTYPE", "doctype"), "x").getBytes(StandardCharsets.UTF_8),
                bpmn("UTF-16", "<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:1/evil.dtd\">", "x")
                        .getBytes(StandardCharsets.UTF_16))) {
            ResponseEntity<String> deployed = caller.deploy(document);
            assertRefused(deployed, "DOCTYPE", "must not contain a document type declaration");
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("xxe-check")
                        .count())
                .isZero();
        // the same model without the DOCTYPE deploys
        ResponseEntity<String> plain =
                caller.deploy(bpmn("UTF-8", "", "A plain process").getBytes(StandardCharsets.UTF_8));
        assertThat(plain.getStatusCode()).as(plain.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("xxe-check")
                        .count())
                .isOne();
        repository.deleteDeployment(
                repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("xxe-check")
                        .singleResult()
                        .getDeploymentId(),
                true);
    }

    @Test
    void aGuardedPathSpeltWithPercentEscapesIsRefusedNotPassedOn() {
        Caller engineRest = caller(Api.ENGINE_REST, "ana");
        ResponseEntity<String> escaped = http.withBasicAuth("ana", TestDatabase.password())
                .getForEntity(URI.create("/%65ngine-rest/task?orQueries=x"), String.class);
        assertThat(escaped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(escaped.getBody()).contains("without percent-escapes");
        assertThat(engineRest.get("/task").getStatusCode()).isEqualTo(HttpStatus.OK);
        WebappSession session = WebappSession.of(http, "ana", "tasklist");
        for (String path : List.of(
                "/c%61munda/api/engine/engine/default/task?orQueries=x",
                "/camunda/api/%65ngine/engine/default/task?orQueries=x")) {
            ResponseEntity<String> webapp = session.get(path);
            assertThat(webapp.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void aJsonBodyAboveTenMebibytesIsRefusedBeforeItIsRead() {
        StringBuilder big =
                new StringBuilder(com.complaintdesk.engine.EngineGuard.MAX_JSON_BODY + 64).append("{\"name\":\"");
        big.append("x".repeat(com.complaintdesk.engine.EngineGuard.MAX_JSON_BODY))
                .append("\"}");
        ResponseEntity<String> response = caller(Api.ENGINE_REST, "ana").postJson("/task", big.toString());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).contains("must not be larger than 10485760 bytes");
    }

    private String openCase() {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("processInstanceId").asText();
    }

    private static void assertRefused(ResponseEntity<String> response, String names, String says) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains(says).contains(names);
    }

    private static String bpmn(String encoding, String doctype, String name) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + doctype
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"xxe-check\" name=\""
                + name
                + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/></process></definitions>";
    }

    private static ByteArrayResource file(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Caller caller(Api api, String user) {
        return api == Api.ENGINE_REST
                ? new Caller(user, null, "/engine-rest")
                : new Caller(
                        user,
                        WebappSession.of(
                                http, user, "pete".equals(user) || "sam".equals(user) ? "cockpit" : "tasklist"),
                        WebappSession.ENGINE_API);
    }

    /** One user calling the engine's REST resources through one of the two APIs. */
    private final class Caller {
        private final String user;
        private final WebappSession session;
        private final String base;

        Caller(String user, WebappSession session, String base) {
            this.user = user;
            this.session = session;
            this.base = base;
        }

        ResponseEntity<String> get(String path) {
            return exchange(HttpMethod.GET, path, null, null);
        }

        ResponseEntity<String> postJson(String path, String body) {
            return exchange(HttpMethod.POST, path, MediaType.APPLICATION_JSON, body);
        }

        ResponseEntity<String> deploy(byte[] document) {
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("deployment-name", "xxe-check");
            parts.add("data", file(document, "xxe-check.bpmn"));
            return exchange(HttpMethod.POST, "/deployment/create", MediaType.MULTIPART_FORM_DATA, parts);
        }

        ResponseEntity<String> exchange(HttpMethod method, String path, MediaType type, Object body) {
            if (session != null) {
                return session.exchange(method, base + path, type, body);
            }
            HttpHeaders headers = new HttpHeaders();
            if (type != null) {
                headers.setContentType(type);
            }
            return http.withBasicAuth(user, TestDatabase.password())
                    .exchange(URI.create(base + path), method, new HttpEntity<>(body, headers), String.class);
        }
    }
}
