package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
 * The role matrix (README "Security"): for each thing a person may want to do, exactly the roles in its row get
 * through and every other role is refused, tried with one user of each role (and one with no role at all). Refused
 * means 401/403, or for what the engine filters by authorization, not found or an empty answer.
 */
@AppTest
class RoleMatrixAppTest {

    /** One user per role: the demo users, a member of the product team and a user in no group. */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("ana", Roles.AGENTS);
        USERS.put("sam", Roles.SUPERVISORS);
        USERS.put("lena", Roles.LEGAL);
        USERS.put("olga", Roles.OWNERS);
        USERS.put("pete", Roles.PROCESS_OWNERS);
        USERS.put("audrey", Roles.AUDITORS);
        USERS.put("pia", Roles.PRODUCT);
        USERS.put("nobody", "(none)");
        USERS.put("admin", Roles.CAMUNDA_ADMIN);
    }

    static final String AGENT = "ana",
            SUPERVISOR = "sam",
            LEGAL = "lena",
            OWNER = "olga",
            PROCESS_OWNER = "pete",
            AUDITOR = "audrey",
            PRODUCT = "pia",
            ADMIN = "admin";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ObjectMapper json;

    /** A case opened by an agent for this row. */
    record Case(String caseId, String processInstanceId) {}

    /** What a user's attempt came to: through, refused, or something else (a failure of the test). */
    enum Outcome {
        GRANTED,
        REFUSED,
        UNEXPECTED
    }

    record Attempt(Outcome outcome, String detail) {}

    /** One row of the matrix: what is tried, and the users who must get through. */
    record Row(String what, Set<String> allowed, BiFunction<RoleMatrixAppTest, String, Attempt> attempt) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                row(
                        "open a case: POST /api/complaints",
                        Set.of(AGENT, SUPERVISOR, ADMIN),
                        (t, user) ->
                                t.status(user, HttpMethod.POST, "/api/complaints", t.complaint(), HttpStatus.CREATED)),
                row(
                        "import a CSV: POST /api/complaints/import",
                        Set.of(AGENT, SUPERVISOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.POST,
                                "/api/complaints/import",
                                "channel\n",
                                HttpStatus.BAD_REQUEST,
                                MediaType.parseMediaType("text/csv"))),
                row(
                        "read a case: GET /api/complaints/{id}",
                        Set.of(AGENT, SUPERVISOR, LEGAL, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.GET,
                                "/api/complaints/" + t.openCase().caseId(),
                                null,
                                HttpStatus.OK)),
                row(
                        "read a case's messages: GET /api/complaints/{id}/messages",
                        Set.of(AGENT, SUPERVISOR, LEGAL, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.GET,
                                "/api/complaints/" + t.openCase().caseId() + "/messages",
                                null,
                                HttpStatus.OK)),
                row(
                        "report engagement: POST /api/complaints/{id}/engagement",
                        Set.of(AGENT, SUPERVISOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.POST,
                                "/api/complaints/" + t.openCase().caseId() + "/engagement",
                                Map.of(
                                        "shares",
                                        1,
                                        "comments",
                                        1,
                                        "observedAt",
                                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                                                .toString()),
                                HttpStatus.OK)),
                row(
                        "search the case records: GET /api/audit/cases",
                        Set.of(SUPERVISOR, OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.status(user, HttpMethod.GET, "/api/audit/cases?size=1", null, HttpStatus.OK)),
                row(
                        "read a case's evidence: GET /api/audit/cases/{id}/evidence",
                        Set.of(SUPERVISOR, OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.GET,
                                "/api/audit/cases/" + t.openCase().caseId() + "/evidence",
                                null,
                                HttpStatus.OK)),
                row(
                        "read the analytics: GET /api/insights/**",
                        Set.of(SUPERVISOR, OWNER, PROCESS_OWNER, AUDITOR, PRODUCT, ADMIN),
                        (t, user) -> t.passesTheChain(user, HttpMethod.GET, "/api/insights/matrix-check", null)),
                row(
                        "record review totals: PUT /api/insights/review-totals/**",
                        Set.of(OWNER, PROCESS_OWNER, ADMIN),
                        (t, user) -> t.passesTheChain(
                                user, HttpMethod.PUT, "/api/insights/review-totals/matrix-check", Map.of())),
                row(
                        "see metrics: GET /actuator/info",
                        Set.of(OWNER, ADMIN),
                        (t, user) -> t.status(user, HttpMethod.GET, "/actuator/info", null, HttpStatus.OK)),
                row(
                        "log in to Tasklist",
                        Set.of(AGENT, SUPERVISOR, LEGAL, OWNER, PRODUCT, ADMIN),
                        (t, user) -> t.login(user, "tasklist")),
                row(
                        "log in to Cockpit",
                        Set.of(SUPERVISOR, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.login(user, "cockpit")),
                row("log in to Admin", Set.of(ADMIN), (t, user) -> t.login(user, "admin")),
                row(
                        "see a case in the engine: GET /engine-rest/process-instance/{id}",
                        Set.of(AGENT, SUPERVISOR, LEGAL, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.status(
                                user,
                                HttpMethod.GET,
                                "/engine-rest/process-instance/" + t.openCase().processInstanceId(),
                                null,
                                HttpStatus.OK)),
                row(
                        "read a case's history: GET /engine-rest/history/activity-instance",
                        Set.of(SUPERVISOR, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.nonEmpty(
                                user,
                                "/engine-rest/history/activity-instance?processInstanceId="
                                        + t.openCase().processInstanceId())),
                // the operation log of a case: the log's readers and whoever reads the process's history (READ_HISTORY)
                row(
                        "read who did what: GET /engine-rest/history/user-operation",
                        Set.of(SUPERVISOR, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.nonEmpty(
                                user,
                                "/engine-rest/history/user-operation?processInstanceId="
                                        + t.openCase().processInstanceId())),
                row(
                        "read the decision tables: GET /engine-rest/decision-definition",
                        Set.of(SUPERVISOR, OWNER, PROCESS_OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.nonEmpty(user, "/engine-rest/decision-definition?key=triage")),
                row(
                        "see an agents' task: GET /engine-rest/task?processInstanceId=",
                        Set.of(AGENT, SUPERVISOR, OWNER, AUDITOR, ADMIN),
                        (t, user) -> t.nonEmpty(
                                user,
                                "/engine-rest/task?processInstanceId="
                                        + t.openCase().processInstanceId())),
                row(
                        "claim an agents' task: POST /engine-rest/task/{id}/claim",
                        Set.of(AGENT, SUPERVISOR, ADMIN),
                        (t, user) -> t.claim(user)),
                row(
                        "set a case's variable: PUT /engine-rest/process-instance/{id}/variables/{name}",
                        Set.of(ADMIN),
                        (t, user) -> t.setVariable(user)),
                row(
                        "set a task's variable outside its form: PUT /engine-rest/task/{id}/variables/{name}",
                        Set.of(ADMIN),
                        (t, user) -> t.setTaskVariable(user)),
                row(
                        "start a process directly: POST /engine-rest/process-definition/key/complaint-crisis/start",
                        Set.of(ADMIN),
                        (t, user) -> t.startCrisis(user)),
                // the engine looks the task up in the history to comment: roles without READ_HISTORY (agents, legal)
                // get
                // its 400 "No task found"; auditors and process owners are refused by the engine guard
                row(
                        "comment on an agents' task: POST /engine-rest/task/{id}/comment/create",
                        Set.of(SUPERVISOR, OWNER, ADMIN),
                        (t, user) -> t.comment(user)),
                row(
                        "move an SLA deadline: PUT /engine-rest/job/{id}/duedate",
                        Set.of(ADMIN),
                        (t, user) -> t.moveDeadline(user)),
                row(
                        "cancel a case: DELETE /engine-rest/process-instance/{id}",
                        Set.of(ADMIN),
                        (t, user) -> t.cancel(user)),
                row(
                        "deploy a process: POST /engine-rest/deployment/create",
                        Set.of(PROCESS_OWNER, ADMIN),
                        (t, user) -> t.deploy(user)),
                row("create a user: POST /engine-rest/user/create", Set.of(ADMIN), (t, user) -> t.createUser(user)),
                row(
                        "grant an authorization: POST /engine-rest/authorization/create",
                        Set.of(ADMIN),
                        (t, user) -> t.grant(user)));
    }

    private static Arguments row(
            String what, Set<String> allowed, BiFunction<RoleMatrixAppTest, String, Attempt> attempt) {
        return Arguments.of(new Row(what, allowed, attempt));
    }

    @BeforeEach
    void productTeamMemberAndAUserWithoutRole() {
        com.complaintdesk.support.RoleUsers.ensure(identity);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void exactlyTheRolesOfTheRowGetThrough(Row row) {
        SoftAssertions softly = new SoftAssertions();
        List<String> table = new ArrayList<>();
        USERS.forEach((user, role) -> {
            Attempt attempt = row.attempt().apply(this, user);
            Outcome expected = row.allowed().contains(user) ? Outcome.GRANTED : Outcome.REFUSED;
            table.add(role + "=" + attempt.outcome());
            softly.assertThat(attempt.outcome())
                    .as("%s as %s (%s): %s", row.what(), user, role, attempt.detail())
                    .isEqualTo(expected);
        });
        System.out.println("role matrix | " + row.what() + " | " + String.join(", ", table));
        softly.assertAll();
    }

    // --- the attempts

    Attempt status(String user, HttpMethod method, String path, Object body, HttpStatus granted) {
        return status(user, method, path, body, granted, MediaType.APPLICATION_JSON);
    }

    Attempt status(String user, HttpMethod method, String path, Object body, HttpStatus granted, MediaType type) {
        ResponseEntity<String> response = call(user, method, path, body, type);
        return outcome(response, response.getStatusCode().value() == granted.value());
    }

    /** Through the security chain to the endpoint, whatever the endpoint answers (the analytics come with their own API). */
    Attempt passesTheChain(String user, HttpMethod method, String path, Object body) {
        ResponseEntity<String> response = call(user, method, path, body, MediaType.APPLICATION_JSON);
        int status = response.getStatusCode().value();
        return status == 401 || status == 403
                ? new Attempt(Outcome.REFUSED, String.valueOf(status))
                : status >= 500
                        ? new Attempt(Outcome.UNEXPECTED, status + " " + response.getBody())
                        : new Attempt(Outcome.GRANTED, String.valueOf(status));
    }

    /** A list the engine filters by the user's authorizations: granted when it holds something. */
    Attempt nonEmpty(String user, String path) {
        ResponseEntity<String> response = call(user, HttpMethod.GET, path, null, null);
        if (response.getStatusCode().value() == 401 || response.getStatusCode().value() == 403) {
            return new Attempt(
                    Outcome.REFUSED, String.valueOf(response.getStatusCode().value()));
        }
        if (response.getStatusCode().value() != 200) {
            return new Attempt(Outcome.UNEXPECTED, response.getStatusCode() + " " + response.getBody());
        }
        JsonNode list = read(response.getBody());
        return new Attempt(list.isEmpty() ? Outcome.REFUSED : Outcome.GRANTED, list.size() + " items");
    }

    Attempt login(String user, String webapp) {
        ResponseEntity<String> login = WebappSession.login(http, user, TestDatabase.password(), webapp);
        return outcome(login, login.getStatusCode().is2xxSuccessful());
    }

    Attempt claim(String user) {
        String taskId = agentsTask(openCase());
        Attempt attempt = status(
                user,
                HttpMethod.POST,
                "/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", user),
                HttpStatus.NO_CONTENT);
        String assignee = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
        return consistent(attempt, user.equals(assignee), "assignee " + assignee);
    }

    Attempt setVariable(String user) {
        Case opened = openCase();
        Attempt attempt = status(
                user,
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + opened.processInstanceId() + "/variables/matrixNote",
                Map.of("value", "seen", "type", "String"),
                HttpStatus.NO_CONTENT);
        return consistent(
                attempt, runtime.getVariable(opened.processInstanceId(), "matrixNote") != null, "variable set");
    }

    Attempt setTaskVariable(String user) {
        Case opened = openCase();
        String taskId = agentsTask(opened);
        Attempt attempt = status(
                user,
                HttpMethod.PUT,
                "/engine-rest/task/" + taskId + "/variables/approvalLimit",
                Map.of("value", 1000000, "type", "Integer"),
                HttpStatus.NO_CONTENT);
        return consistent(
                attempt, runtime.getVariable(opened.processInstanceId(), "approvalLimit") != null, "variable set");
    }

    Attempt startCrisis(String user) {
        long before = runtime.createProcessInstanceQuery()
                .processDefinitionKey("complaint-crisis")
                .count();
        Attempt attempt = status(
                user,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/complaint-crisis/start",
                Map.of("variables", Map.of("caseId", Map.of("value", "matrix-no-case", "type", "String"))),
                HttpStatus.OK);
        long after = runtime.createProcessInstanceQuery()
                .processDefinitionKey("complaint-crisis")
                .count();
        runtime.createProcessInstanceQuery()
                .processDefinitionKey("complaint-crisis")
                .variableValueEquals("caseId", "matrix-no-case")
                .list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "role matrix"));
        return consistent(attempt, after > before, "crisis started");
    }

    Attempt comment(String user) {
        String taskId = agentsTask(openCase());
        ResponseEntity<String> response = call(
                user,
                HttpMethod.POST,
                "/engine-rest/task/" + taskId + "/comment/create",
                Map.of("message", "matrix note by " + user),
                MediaType.APPLICATION_JSON);
        boolean notVisible = response.getStatusCode().value() == 400
                && response.getBody() != null
                && response.getBody().contains("No task found");
        Attempt attempt = notVisible
                ? new Attempt(Outcome.REFUSED, "400 task not visible in the history")
                : outcome(response, response.getStatusCode().value() == 200);
        return consistent(attempt, !tasks.getTaskComments(taskId).isEmpty(), "comment stored");
    }

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    Attempt moveDeadline(String user) {
        Case opened = openCase();
        var timer = management.createJobQuery().processInstanceId(opened.processInstanceId()).timers().list().stream()
                .min(java.util.Comparator.comparing(org.camunda.bpm.engine.runtime.Job::getDuedate))
                .orElseThrow();
        java.util.Date later = new java.util.Date(timer.getDuedate().getTime() + 86_400_000L * 30);
        Attempt attempt = status(
                user,
                HttpMethod.PUT,
                "/engine-rest/job/" + timer.getId() + "/duedate",
                Map.of("duedate", new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(later)),
                HttpStatus.NO_CONTENT);
        var now = management.createJobQuery().jobId(timer.getId()).singleResult();
        return consistent(attempt, now != null && !now.getDuedate().equals(timer.getDuedate()), "deadline moved");
    }

    Attempt cancel(String user) {
        Case opened = openCase();
        Attempt attempt = status(
                user,
                HttpMethod.DELETE,
                "/engine-rest/process-instance/" + opened.processInstanceId(),
                null,
                HttpStatus.NO_CONTENT);
        boolean gone = runtime.createProcessInstanceQuery()
                        .processInstanceId(opened.processInstanceId())
                        .count()
                == 0;
        return consistent(attempt, gone, "instance gone");
    }

    Attempt deploy(String user) {
        String key = "matrix-deploy-" + user;
        String bpmn =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\""
                        + key
                        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/></process></definitions>";
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", key);
        parts.add("data", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        Attempt attempt = status(
                user,
                HttpMethod.POST,
                "/engine-rest/deployment/create",
                parts,
                HttpStatus.OK,
                MediaType.MULTIPART_FORM_DATA);
        boolean deployed = repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .count()
                > 0;
        repository
                .createDeploymentQuery()
                .deploymentName(key)
                .list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
        return consistent(attempt, deployed, "deployed");
    }

    Attempt createUser(String user) {
        String id = "madeby" + user;
        Attempt attempt = status(
                user,
                HttpMethod.POST,
                "/engine-rest/user/create",
                Map.of(
                        "profile",
                                Map.of(
                                        "id",
                                        id,
                                        "firstName",
                                        "Matrix",
                                        "lastName",
                                        "Check",
                                        "email",
                                        "matrix@example.com"),
                        "credentials", Map.of("password", TestDatabase.password())),
                HttpStatus.NO_CONTENT);
        boolean made = identity.createUserQuery().userId(id).count() > 0;
        if (made) {
            identity.deleteUser(id);
        }
        return consistent(attempt, made, "user created");
    }

    Attempt grant(String user) {
        Map<String, Object> authorization = Map.of(
                "type",
                1,
                "permissions",
                List.of("ALL"),
                "userId",
                user,
                "resourceType",
                8,
                "resourceId",
                "matrixcheck");
        Attempt attempt =
                status(user, HttpMethod.POST, "/engine-rest/authorization/create", authorization, HttpStatus.OK);
        return consistent(attempt, removeAuthorizations(user) > 0, "authorization stored");
    }

    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizations;

    private long removeAuthorizations(String user) {
        var found = authorizations
                .createAuthorizationQuery()
                .userIdIn(user)
                .resourceId("matrixcheck")
                .list();
        found.forEach(a -> authorizations.deleteAuthorization(a.getId()));
        return found.size();
    }

    // --- helpers

    Case openCase() {
        ResponseEntity<JsonNode> created = http.withBasicAuth(AGENT, TestDatabase.password())
                .postForEntity("/api/complaints", complaint(), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Case(
                created.getBody().path("caseId").asText(),
                created.getBody().path("processInstanceId").asText());
    }

    Map<String, Object> complaint() {
        return SampleComplaint.instagram(5);
    }

    private String agentsTask(Case opened) {
        return tasks.createTaskQuery()
                .processInstanceId(opened.processInstanceId())
                .taskCandidateGroup(Roles.AGENTS)
                .singleResult()
                .getId();
    }

    /** The answer and the engine's state must agree: granted and done, or refused and not done. */
    private static Attempt consistent(Attempt attempt, boolean done, String what) {
        if ((attempt.outcome() == Outcome.GRANTED) != done) {
            return new Attempt(Outcome.UNEXPECTED, attempt.detail() + ", but " + what + ": " + done);
        }
        return attempt;
    }

    private static Attempt outcome(ResponseEntity<String> response, boolean granted) {
        int status = response.getStatusCode().value();
        String detail = status + " "
                + (response.getBody() == null
                        ? ""
                        : response.getBody()
                                .substring(0, Math.min(200, response.getBody().length())));
        if (granted) {
            return new Attempt(Outcome.GRANTED, detail);
        }
        return status == 401 || status == 403 || status == 404
                ? new Attempt(Outcome.REFUSED, detail)
                : new Attempt(Outcome.UNEXPECTED, detail);
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null && body != null) {
            headers.setContentType(type);
        }
        return http.withBasicAuth(user, TestDatabase.password())
                .exchange(URI.create(path), method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
