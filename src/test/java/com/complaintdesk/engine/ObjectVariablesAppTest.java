package com.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * No object of a sender-chosen type is ever built (#15): a variable of type Object naming a class on the class path
 * ({@link TraceOnBuild}, which counts every object built of it) is refused with 400 through every way a variable can
 * come in — submit-form and complete, task, process-instance and execution variables and local variables, the
 * multipart upload, message correlation, signals, starts, modifications and Tasklist's own API — even from an
 * administrator; nothing is built and nothing is stored. An object already stored is read as its text, never built.
 */
@AppTest
class ObjectVariablesAppTest {

    static final String CLASS = TraceOnBuild.class.getName();

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    String processInstanceId;
    String taskId;

    @BeforeEach
    void aCaseWithAClaimedTask() {
        TraceOnBuild.BUILT.set(0);
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        processInstanceId = created.getBody().path("processInstanceId").asText();
        taskId = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getId();
        tasks.claim(taskId, "ana");
    }

    static Map<String, Object> object(String type) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", "{\"payload\":\"trace\"}");
        value.put("type", type);
        value.put("valueInfo", Map.of("objectTypeName", CLASS, "serializationDataFormat", "application/json"));
        return value;
    }

    /** One way in: who sends what where. */
    record Way(
            String name,
            String user,
            HttpMethod method,
            Function<ObjectVariablesAppTest, String> path,
            Function<ObjectVariablesAppTest, Object> body) {}

    List<Way> ways() {
        Map<String, Object> vars = Map.of("evil", object("Object"));
        return List.of(
                new Way(
                        "submit-form",
                        "ana",
                        HttpMethod.POST,
                        t -> "/engine-rest/task/" + t.taskId + "/submit-form",
                        t -> Map.of("variables", vars)),
                new Way(
                        "complete",
                        "ana",
                        HttpMethod.POST,
                        t -> "/engine-rest/task/" + t.taskId + "/complete",
                        t -> Map.of("variables", Map.of("evil", object("object")))),
                new Way(
                        "task variable",
                        "admin",
                        HttpMethod.PUT,
                        t -> "/engine-rest/task/" + t.taskId + "/variables/evil",
                        t -> object("Object")),
                new Way(
                        "task variables",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/task/" + t.taskId + "/variables",
                        t -> Map.of("modifications", vars)),
                new Way(
                        "task local variable",
                        "admin",
                        HttpMethod.PUT,
                        t -> "/engine-rest/task/" + t.taskId + "/localVariables/evil",
                        t -> object("OBJECT")),
                new Way(
                        "case variable",
                        "admin",
                        HttpMethod.PUT,
                        t -> "/engine-rest/process-instance/" + t.processInstanceId + "/variables/evil",
                        t -> object("Object")),
                new Way(
                        "case variables",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/process-instance/" + t.processInstanceId + "/variables",
                        t -> Map.of("modifications", vars)),
                new Way(
                        "execution local variable",
                        "admin",
                        HttpMethod.PUT,
                        t -> "/engine-rest/execution/" + t.processInstanceId + "/localVariables/evil",
                        t -> object("Object")),
                new Way(
                        "a typed value without its type",
                        "admin",
                        HttpMethod.PUT,
                        t -> "/engine-rest/process-instance/" + t.processInstanceId + "/variables/evil",
                        t -> Map.of("value", "{}", "valueInfo", Map.of("objectTypeName", CLASS))),
                new Way(
                        "message correlation",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/message",
                        t -> Map.of(
                                "messageName",
                                "Message_CommentEdited",
                                "processInstanceId",
                                t.processInstanceId,
                                "processVariables",
                                vars)),
                new Way(
                        "signal",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/signal",
                        t -> Map.of("name", "anything", "variables", vars)),
                new Way(
                        "start",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/process-definition/key/complaint-crisis/start",
                        t -> Map.of("variables", vars)),
                new Way(
                        "modification",
                        "admin",
                        HttpMethod.POST,
                        t -> "/engine-rest/process-instance/" + t.processInstanceId + "/modification",
                        t -> Map.of(
                                "instructions",
                                List.of(Map.of(
                                        "type",
                                        "startBeforeActivity",
                                        "activityId",
                                        "Task_ConfirmTriage",
                                        "variables",
                                        Map.of(
                                                "evil",
                                                Map.of(
                                                        "value",
                                                        object("Object").get("value"),
                                                        "type",
                                                        "Object",
                                                        "local",
                                                        false,
                                                        "valueInfo",
                                                        Map.of("objectTypeName", CLASS))))))));
    }

    @Test
    void anObjectVariableIsRefusedThroughEveryWayInAndNothingIsBuiltOrStored() {
        for (Way way : ways()) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = http.withBasicAuth(way.user(), TestDatabase.password())
                    .exchange(
                            way.path().apply(this),
                            way.method(),
                            new HttpEntity<>(way.body().apply(this), headers),
                            String.class);
            assertThat(answer.getStatusCode().value())
                    .as(way.name() + ": " + answer.getBody())
                    .isEqualTo(400);
            assertThat(answer.getBody()).as(way.name()).contains("not accepted");
        }
        assertThat(TraceOnBuild.BUILT.get()).as("objects built").isZero();
        assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("evil");
        assertThat(tasks.createTaskQuery().taskId(taskId).count())
                .as("the task is still open")
                .isEqualTo(1);
    }

    @Test
    void theMultipartUploadRefusesAnObjectType() {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("data", new ByteArrayResource("{\"payload\":\"trace\"}".getBytes()) {
            @Override
            public String getFilename() {
                return "evil.json";
            }
        });
        parts.add("valueType", "Object");
        parts.add("objectTypeName", CLASS);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> answer = http.withBasicAuth("admin", TestDatabase.password())
                .exchange(
                        "/engine-rest/process-instance/" + processInstanceId + "/variables/evil/data",
                        HttpMethod.POST,
                        new HttpEntity<>(parts, headers),
                        String.class);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(TraceOnBuild.BUILT.get()).isZero();
        assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("evil");
    }

    @Test
    void tasklistsOwnApiRefusesAnObjectInASubmittedForm() {
        WebappSession ana = WebappSession.of(http, "ana", "tasklist");
        ResponseEntity<String> answer = ana.exchange(
                HttpMethod.POST,
                WebappSession.ENGINE_API + "/task/" + taskId + "/submit-form",
                MediaType.APPLICATION_JSON,
                Map.of("variables", Map.of("evil", object("Object"))));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(TraceOnBuild.BUILT.get()).isZero();
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void anObjectAlreadyStoredIsReadAsItsTextAndNeverBuilt() {
        // stored through the Java API, as a variable written before this release could have been
        runtime.setVariable(
                processInstanceId,
                "stored",
                Variables.serializedObjectValue("{\"payload\":\"trace\"}")
                        .objectTypeName(CLASS)
                        .serializationDataFormat("application/json")
                        .create());

        for (String path : List.of(
                "/engine-rest/process-instance/" + processInstanceId + "/variables",
                "/engine-rest/process-instance/" + processInstanceId + "/variables/stored?deserializeValue=true",
                "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId + "&deserializeValues=true",
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/task/" + taskId + "/form-variables")) {
            ResponseEntity<String> read =
                    http.withBasicAuth("audrey", TestDatabase.password()).getForEntity(path, String.class);
            assertThat(read.getStatusCode().value())
                    .as(path + ": " + read.getBody())
                    .isEqualTo(200);
        }
        assertThat(TraceOnBuild.BUILT.get()).as("objects built by reads").isZero();
        // and the engine itself refuses to build it, should any code ask for it (deserialization type validation)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.getVariable(processInstanceId, "stored"))
                .hasMessageContaining(CLASS);
        assertThat(TraceOnBuild.BUILT.get()).isZero();
    }
}
