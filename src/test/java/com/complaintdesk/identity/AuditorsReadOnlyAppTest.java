package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An auditor reads everything and changes nothing, through /engine-rest and /api alike (HTTP Basic as audrey). */
@AppTest
class AuditorsReadOnlyAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    String caseId;
    String processInstanceId;
    Task task;

    @BeforeEach
    void openCase() {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        caseId = created.getBody().path("caseId").asText();
        processInstanceId = created.getBody().path("processInstanceId").asText();
        task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateGroup(Roles.AGENTS)
                .singleResult();
        assertThat(task).isNotNull();
    }

    @Test
    void anAuditorReadsTheCaseItsTasksItsHistoryAndWhoDidWhat() {
        assertThat(read("/engine-rest/history/process-instance?processInstanceId=" + processInstanceId))
                .hasSize(1);
        assertThat(read("/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId))
                .isNotEmpty();
        assertThat(read("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId
                        + "&variableName=caseId"))
                .singleElement()
                .satisfies(v -> assertThat(v.path("value").asText()).isEqualTo(caseId));
        assertThat(read("/engine-rest/history/user-operation?processInstanceId=" + processInstanceId)
                        .findValuesAsText("userId"))
                .contains("ana");
        assertThat(read("/engine-rest/task?processInstanceId=" + processInstanceId)
                        .findValuesAsText("id"))
                .contains(task.getId());
        assertThat(read("/engine-rest/process-instance/" + processInstanceId + "/variables")
                        .path("caseId")
                        .path("value")
                        .asText())
                .isEqualTo(caseId);
        assertThat(read("/api/complaints/" + caseId).path("caseId").asText()).isEqualTo(caseId);
        assertThat(read("/api/audit/cases/" + caseId)
                        .path("case")
                        .path("caseId")
                        .asText())
                .isEqualTo(caseId);
    }

    @Test
    void anAuditorCannotClaimOrCompleteATaskNorSetAVariable() {
        assertRefused(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"audrey\"}");
        assertRefused(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{}}");
        assertRefused(
                HttpMethod.PUT,
                "/engine-rest/task/" + task.getId() + "/variables/auditNote",
                "{\"value\":\"seen\",\"type\":\"String\"}");
        assertRefused(
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/auditNote",
                "{\"value\":\"seen\",\"type\":\"String\"}");
        assertRefused(
                HttpMethod.POST,
                "/engine-rest/process-instance/" + processInstanceId + "/variables",
                "{\"modifications\":{\"tier\":{\"value\":\"T3\",\"type\":\"String\"}}}");
        assertRefused(HttpMethod.POST, "/engine-rest/process-definition/key/complaint-lifecycle/start", "{}");

        Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(runtime.getVariable(processInstanceId, "auditNote")).isNull();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .variableName("auditNote")
                        .count())
                .isZero();
    }

    @Test
    void anAuditorDeletesNothing() {
        String deploymentId = repository.createDeploymentQuery().list().get(0).getId();
        Task standalone = tasks.newTask();
        standalone.setName("Check the courier's scan");
        tasks.saveTask(standalone);
        String authorizationId = authorizations
                .createAuthorizationQuery()
                .groupIdIn(Roles.AUDITORS)
                .resourceType(Resources.PROCESS_DEFINITION)
                .list()
                .get(0)
                .getId();

        assertRefused(HttpMethod.DELETE, "/engine-rest/process-instance/" + processInstanceId, null);
        assertRefused(HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId, null);
        assertRefused(HttpMethod.DELETE, "/engine-rest/task/" + standalone.getId(), null);
        // an authorization an auditor may not read is not even found
        assertThat(exchange("audrey", HttpMethod.DELETE, "/engine-rest/authorization/" + authorizationId, null)
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertRefused(HttpMethod.DELETE, "/engine-rest/group/" + Roles.AUDITORS + "/members/audrey", null);
        assertRefused(HttpMethod.DELETE, "/engine-rest/user/ana", null);
        assertRefused(HttpMethod.DELETE, "/engine-rest/user/audrey", null);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isOne();
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count())
                .isOne();
        assertThat(tasks.createTaskQuery().taskId(standalone.getId()).count()).isOne();
        tasks.deleteTask(standalone.getId(), true);
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .authorizationId(authorizationId)
                        .count())
                .isOne();
        assertThat(identity.createUserQuery()
                        .userId("audrey")
                        .memberOfGroup(Roles.AUDITORS)
                        .count())
                .isOne();
        assertThat(identity.createUserQuery().userId("ana").count()).isOne();
    }

    @Test
    void anAuditorChangesNothingThroughTheApplicationsApi() {
        String body = "{}";
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            for (String path : List.of(
                    "/api/complaints",
                    "/api/complaints/" + caseId,
                    "/api/complaints/" + caseId + "/engagement",
                    "/api/complaints/import",
                    "/api/complaints/" + caseId + "/messages",
                    "/api/anything/new")) {
                assertRefused(method, path, body);
            }
        }
        // the rule is the auditors': an agent's change goes on to the endpoint (here: one that takes no PUT)
        assertThat(exchange("ana", HttpMethod.PUT, "/api/complaints/" + caseId, body)
                        .getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    private void assertRefused(HttpMethod method, String path, String json) {
        ResponseEntity<String> response = exchange("audrey", method, path, json);
        assertThat(response.getStatusCode())
                .as(method + " " + path + ": " + response.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode read(String path) {
        ResponseEntity<JsonNode> response =
                http.withBasicAuth("audrey", TestDatabase.password()).getForEntity(URI.create(path), JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, TestDatabase.password())
                .exchange(URI.create(path), method, new HttpEntity<>(json, headers), String.class);
    }
}
