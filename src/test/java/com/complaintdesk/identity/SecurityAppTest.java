package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void engineRestAndApiRefuseCallersWithoutValidCredentials() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/complaints/x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> wrongPassword =
                http.withBasicAuth("lena", "Wrong-Password-1!").getForEntity("/engine-rest/task", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic");
        // one wrong password holds nothing back (Camunda's login delay used to refuse lena's right password for 3 s)
        assertThat(as("lena").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("ana").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyTheInstagramEbayAndWechatWebhooksAreOpenWithoutCredentials() {
        // open: the handshake and the delivery are answered by the webhook itself (it checks Meta's token and
        // signature)
        ResponseEntity<String> handshake = http.getForEntity(
                java.net.URI.create(
                        "/webhooks/instagram?hub.mode=subscribe&hub.challenge=42&hub.verify_token=test-verify-token"),
                String.class);
        assertThat(handshake.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handshake.getBody()).isEqualTo("42");
        ResponseEntity<String> unsigned =
                http.postForEntity("/webhooks/instagram", jsonEntity("{\"object\":\"instagram\"}"), String.class);
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unsigned.getBody()).contains("X-Hub-Signature-256");
        // open: eBay's challenge and notifications are answered by the endpoint (it checks eBay's signature)
        assertThat(http.getForEntity("/webhooks/ebay", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> unsignedEbay =
                http.postForEntity("/webhooks/ebay", jsonEntity("{\"metadata\":{}}"), String.class);
        assertThat(unsignedEbay.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(unsignedEbay.getBody()).contains("X-EBAY-SIGNATURE");
        // closed: any other path or method under /webhooks, and the APIs as before
        assertThat(http.getForEntity("/webhooks/ebay/extra", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/ebay", HttpMethod.PUT, jsonEntity("{}"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // open too: the WeChat webhook answers itself; unconfigured in the test profile, it says so with 503
        assertThat(http.postForEntity("/webhooks/wechat", jsonEntity("{}"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(http.exchange("/webhooks/wechat", HttpMethod.PUT, jsonEntity("{}"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/webhooks/wechat/extra", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/webhooks/instagram/extra", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/instagram", HttpMethod.PUT, jsonEntity("{}"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/webhooks/instagram", HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/complaints", jsonEntity("{}"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminFirstRunSetupIsForbiddenEvenWhenCamundaAdminHasNoMember() {
        String admin = "admin";
        identity.deleteMembership(admin, Roles.CAMUNDA_ADMIN);
        try {
            assertThat(identity.createUserQuery()
                            .memberOfGroup(Roles.CAMUNDA_ADMIN)
                            .count())
                    .isZero();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            String body =
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\",\"email\":\"i@x.example\"},"
                            + "\"credentials\":{\"password\":\"Intruder-Pass-1!\"}}";
            ResponseEntity<String> setup = http.postForEntity(
                    "/camunda/api/admin/setup/default/user/create", new HttpEntity<>(body, headers), String.class);

            assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
            assertThat(http.getForEntity("/camunda/app/admin/default/setup/", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            identity.createMembership(admin, Roles.CAMUNDA_ADMIN);
        }
    }

    /**
     * Issue #15: wrong passwords make their source wait (the throttle's defaults: five failures, then 1 s, doubling),
     * over HTTP Basic and the webapps' login alike, and lock nothing: Camunda used to hold the account back even from
     * the right password and lock it for good at the tenth. LoginThrottleAppTest tells sources apart.
     */
    @Test
    void wrongPasswordsMakeTheirSourceWaitButNeverLockTheAccount() throws Exception {
        String user = "lockcheck";
        User account = identity.newUser(user);
        account.setPassword(TestDatabase.password());
        identity.saveUser(account);
        identity.createMembership(user, Roles.AGENTS);
        try {
            assertThat(as(user).getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);

            // one wrong password: the right one works at once, and Camunda counts nothing on the account
            assertThat(http.withBasicAuth(user, "Wrong-Password-1!")
                            .getForEntity("/engine-rest/task", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(as(user).getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(attempts(user)).isZero();

            // five wrong passwords in a row: the next attempt from here waits, even with the right password, in the
            // API and the webapps, and is answered before any password is checked
            for (int i = 0; i < 5; i++) {
                assertThat(http.withBasicAuth(user, "Wrong-Password-1!")
                                .getForEntity("/engine-rest/task", String.class)
                                .getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            ResponseEntity<String> held = as(user).getForEntity("/engine-rest/task", String.class);
            assertThat(held.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(held.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(WebappSession.login(http, user, TestDatabase.password(), "tasklist")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(awaitLogin(user))
                    .as("the right password works again after the wait")
                    .isEqualTo(HttpStatus.OK);
            assertThat(attempts(user)).as("the account was never locked").isZero();

            // the tenth wrong password in a row (nine recorded as if by Camunda's former lock) locks nothing either
            jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 9, LOCK_EXP_TIME_ = null where ID_ = ?", user);
            assertThat(http.withBasicAuth(user, "Wrong-Password-1!")
                            .getForEntity("/engine-rest/task", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(attempts(user)).isEqualTo(9);
            assertThat(as(user).getForEntity("/engine-rest/task", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(WebappSession.login(http, user, TestDatabase.password(), "tasklist")
                            .getStatusCode()
                            .is2xxSuccessful())
                    .isTrue();
            assertThat(attempts(user))
                    .as("a successful login clears Camunda's count")
                    .isZero();

            // unlocking (Admin app: the user's "Unlock"; REST: POST /user/{id}/unlock) is still the administrators'
            // alone
            assertThat(as("sam")
                            .postForEntity("/engine-rest/user/" + user + "/unlock", null, String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as("admin")
                            .postForEntity("/engine-rest/user/" + user + "/unlock", null, String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        } finally {
            identity.deleteUser(user);
        }
    }

    private int attempts(String user) {
        Integer attempts = jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, user);
        return attempts == null ? 0 : attempts;
    }

    /** The first status other than 429 within 10 s of the right password being tried again and again. */
    private HttpStatus awaitLogin(String user) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpStatus status;
        do {
            Thread.sleep(500);
            status = HttpStatus.valueOf(as(user).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()
                    .value());
        } while (status == HttpStatus.TOO_MANY_REQUESTS && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void anAuditorReadsButCannotChangeACase() {
        String processInstanceId = openCase();

        assertThat(as("audrey")
                        .getForEntity("/engine-rest/process-instance/" + processInstanceId, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> delete = as("audrey")
                .exchange("/engine-rest/process-instance/" + processInstanceId, HttpMethod.DELETE, null, String.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isOne();
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
            assertThat(as("ana")
                            .getForEntity("/engine-rest/task/" + supervisorsOnly.getId(), String.class)
                            .getStatusCode())
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(as("sam")
                            .getForEntity("/engine-rest/task/" + supervisorsOnly.getId(), String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            tasks.deleteTask(supervisorsOnly.getId(), true);
        }
    }

    @Test
    void theOperationLogNamesTheUserWhoClaimedThroughTheRestApi() {
        String processInstanceId = openCase();
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskCandidateGroup(Roles.AGENTS)
                .singleResult();

        ResponseEntity<String> claim = as("ben")
                .postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "ben"), String.class);

        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        UserOperationLogEntry entry = history.createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM)
                .singleResult();
        assertThat(entry.getUserId()).isEqualTo("ben");
        UserOperationLogEntry start = history
                .createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list()
                .stream()
                .findFirst()
                .orElseThrow();
        assertThat(start.getUserId()).isEqualTo("ana");
    }

    @Test
    void tasklistFiltersAreSharedWithTheRolesThatNeedThem() {
        String processInstanceId = openCase();
        JsonNode agentFilters =
                as("ana").getForEntity("/engine-rest/filter", JsonNode.class).getBody();
        JsonNode supervisorFilters =
                as("sam").getForEntity("/engine-rest/filter", JsonNode.class).getBody();

        assertThat(agentFilters.findValuesAsText("name"))
                .contains("My tasks / 我的任务", "My groups' open tasks / 我组的待办", "Crises (T1) / 危机 (T1)")
                .doesNotContain("Escalations / 升级");
        assertThat(supervisorFilters.findValuesAsText("name")).contains("Escalations / 升级");
        String groupFilter = idOf(agentFilters, "My groups' open tasks / 我组的待办");
        JsonNode listed = postJson("ana", "/engine-rest/filter/" + groupFilter + "/list?maxResults=1000", "{}")
                .getBody();
        assertThat(listed.findValuesAsText("processInstanceId")).contains(processInstanceId);
        assertThat(as("audrey")
                        .getForEntity("/engine-rest/filter", JsonNode.class)
                        .getBody())
                .isEmpty();
    }

    @Test
    void actuatorBeyondHealthNeedsAnAdministratorOrOwner() {
        // Test contexts export no metrics, so /actuator/info stands in for /actuator/prometheus: same rule.
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("ana").getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("olga").getForEntity("/actuator/info", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private String openCase() {
        ResponseEntity<JsonNode> created =
                as("ana").postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("processInstanceId").asText();
    }

    private ResponseEntity<String> deploy(String user) {
        String bpmn =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"deploy-check-"
                        + user
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
