package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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

@AppTest
class SecurityAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void engineRestAndApiRefuseCallersWithoutValidCredentials() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/complaints/x", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // lena: a wrong password makes Camunda delay that user's next logins, which no other test may feel
        ResponseEntity<String> wrongPassword = http.withBasicAuth("lena", "Wrong-Password-1!").getForEntity("/engine-rest/task", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(as("ana").getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyTheInstagramEbayAndWechatWebhooksAreOpenWithoutCredentials() {
        // open: the handshake and the delivery are answered by the webhook itself (it checks Meta's token and signature)
        ResponseEntity<String> handshake = http.getForEntity(java.net.URI.create(
                "/webhooks/instagram?hub.mode=subscribe&hub.challenge=42&hub.verify_token=test-verify-token"), String.class);
        assertThat(handshake.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handshake.getBody()).isEqualTo("42");
        ResponseEntity<String> unsigned = http.postForEntity("/webhooks/instagram", jsonEntity("{\"object\":\"instagram\"}"), String.class);
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unsigned.getBody()).contains("X-Hub-Signature-256");
        // open: eBay's challenge and notifications are answered by the endpoint (it checks eBay's signature)
        assertThat(http.getForEntity("/webhooks/ebay", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> unsignedEbay = http.postForEntity("/webhooks/ebay", jsonEntity("{\"metadata\":{}}"), String.class);
        assertThat(unsignedEbay.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(unsignedEbay.getBody()).contains("X-EBAY-SIGNATURE");
        // closed: any other path or method under /webhooks, and the APIs as before
        assertThat(http.getForEntity("/webhooks/ebay/extra", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/ebay", HttpMethod.PUT, jsonEntity("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // open too: the WeChat webhook answers itself; unconfigured in the test profile, it says so with 503
        assertThat(http.postForEntity("/webhooks/wechat", jsonEntity("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(http.exchange("/webhooks/wechat", HttpMethod.PUT, jsonEntity("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/webhooks/wechat/extra", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/webhooks/instagram/extra", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/instagram", HttpMethod.PUT, jsonEntity("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/instagram", HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/complaints", jsonEntity("{}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminFirstRunSetupIsForbiddenEvenWhenCamundaAdminHasNoMember() {
        String admin = "admin";
        identity.deleteMembership(admin, Roles.CAMUNDA_ADMIN);
        try {
            assertThat(identity.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isZero();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\",\"email\":\"i@x.example\"},"
                    + "\"credentials\":{\"password\":\"Intruder-Pass-1!\"}}";
            ResponseEntity<String> setup = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                    new HttpEntity<>(body, headers), String.class);

            assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
            assertThat(http.getForEntity("/camunda/app/admin/default/setup/", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            identity.createMembership(admin, Roles.CAMUNDA_ADMIN);
        }
    }

    @Test
    void engineRestRejectsOrQueriesBeforeTheEngine() {
        String withOrQueries = "{\"active\":true,\"orQueries\":[{\"assigneeExpression\":\"${'ana'}\"}]}";
        String nested = "{\"processVariables\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\","
                + "\"orQueries\":[{\"name\":\"x\"}]}]}";

        assertThat(postJson("ana", "/engine-rest/task", "{\"active\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> rejected = postJson("ana", "/engine-rest/task", withOrQueries);
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().path("message").asText()).contains("orQueries are not accepted");
        assertThat(postJson("ana", "/engine-rest/task", nested).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("ana").getForEntity("/engine-rest/task?orQueries=x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void expressionsInQueriesAreRejectedByTheGuardNotEvaluated() {
        ResponseEntity<JsonNode> inParameter = as("ana").getForEntity(java.net.URI.create("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"), JsonNode.class);
        ResponseEntity<JsonNode> inBody = postJson("ana", "/engine-rest/task", "{\"candidateGroupsExpression\":\"#{1+1}\"}");

        assertThat(inParameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inParameter.getBody().path("message").asText()).contains("expressions are not accepted");
        assertThat(inBody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inBody.getBody().path("message").asText()).contains("candidateGroupsExpression");
    }

    @Test
    void queriesMayNotAskForMoreThanTheCap() {
        assertThat(as("ana").getForEntity("/engine-rest/task?maxResults=2000", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> tooMany = as("ana").getForEntity("/engine-rest/task?maxResults=2001", JsonNode.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().path("message").asText()).contains("must not exceed 2000");
    }

    @Test
    void anAuditorReadsButCannotChangeACase() {
        String processInstanceId = openCase();

        assertThat(as("audrey").getForEntity("/engine-rest/process-instance/" + processInstanceId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> delete = as("audrey").exchange("/engine-rest/process-instance/" + processInstanceId,
                HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isOne();
    }

    @Test
    void onlyProcessOwnersAndAdministratorsDeploy() {
        assertThat(deploy("ana").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("audrey").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("pete").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAgentSeesAgentTasksButNotSupervisorOnlyTasks() {
        Task supervisorsOnly = tasks.newTask();
        supervisorsOnly.setName("Supervisor-only check");
        tasks.saveTask(supervisorsOnly);
        tasks.addCandidateGroup(supervisorsOnly.getId(), Roles.SUPERVISORS);
        try {
            assertThat(as("ana").getForEntity("/engine-rest/task/" + supervisorsOnly.getId(), String.class).getStatusCode())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(as("sam").getForEntity("/engine-rest/task/" + supervisorsOnly.getId(), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            tasks.deleteTask(supervisorsOnly.getId(), true);
        }
    }

    @Test
    void theOperationLogNamesTheUserWhoClaimedThroughTheRestApi() {
        String processInstanceId = openCase();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup(Roles.AGENTS).singleResult();

        ResponseEntity<String> claim = as("ben").postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "ben"), String.class);

        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        UserOperationLogEntry entry = history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).singleResult();
        assertThat(entry.getUserId()).isEqualTo("ben");
        UserOperationLogEntry start = history.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream().findFirst().orElseThrow();
        assertThat(start.getUserId()).isEqualTo("ana");
    }

    @Test
    void tasklistFiltersAreSharedWithTheRolesThatNeedThem() {
        String processInstanceId = openCase();
        JsonNode agentFilters = as("ana").getForEntity("/engine-rest/filter", JsonNode.class).getBody();
        JsonNode supervisorFilters = as("sam").getForEntity("/engine-rest/filter", JsonNode.class).getBody();

        assertThat(agentFilters.findValuesAsText("name")).contains("My tasks / 我的任务", "My groups' open tasks / 我组的待办",
                "Crises (T1) / 危机 (T1)").doesNotContain("Escalations / 升级");
        assertThat(supervisorFilters.findValuesAsText("name")).contains("Escalations / 升级");
        String groupFilter = idOf(agentFilters, "My groups' open tasks / 我组的待办");
        JsonNode listed = postJson("ana", "/engine-rest/filter/" + groupFilter + "/list?maxResults=1000", "{}").getBody();
        assertThat(listed.findValuesAsText("processInstanceId")).contains(processInstanceId);
        assertThat(as("audrey").getForEntity("/engine-rest/filter", JsonNode.class).getBody()).isEmpty();
    }

    @Test
    void actuatorBeyondHealthNeedsAnAdministratorOrOwner() {
        // Test contexts export no metrics, so /actuator/info stands in for /actuator/prometheus: same rule.
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("ana").getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("olga").getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String openCase() {
        ResponseEntity<JsonNode> created = as("ana").postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("processInstanceId").asText();
    }

    private ResponseEntity<String> deploy(String user) {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"deploy-check-" + user
                + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/></process></definitions>";
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "deploy-check");
        parts.add("data", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "deploy-check.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    private static String idOf(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static HttpEntity<String> jsonEntity(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }

    private ResponseEntity<JsonNode> postJson(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestDatabase.password());
    }
}
