package com.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.engine.EngineEndpoints.Endpoint;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.RoleUsers;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The role matrix of the engine API, generated from the endpoints Camunda serves ({@link EngineEndpoints}): every
 * endpoint × every role (one user each, and a user in no group), over HTTP, through the whole security chain. A
 * cell the policy denies must be the guard's 403 (nothing reached the engine); a cell it allows must get past the
 * guard (the engine then answers about the made-up ids: mostly 404 or 400). No answer of any cell may be a 5xx
 * that carries the engine's text. The same for the webapps' copy of the API, for one user per role that logs in to
 * Tasklist or Cockpit. The matrix is written to target/role-matrix/engine.md for the README.
 */
@AppTest
class EngineRoleMatrixAppTest {

    static final String NONE = "matrix-none";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void everyRoleHasAUser() {
        RoleUsers.ensure(identity);
    }

    /** Thousands of made-up ids: the engine's log of each refused command would be the whole test output. */
    @BeforeAll
    static void quietEngineLog() {
        LoggingSystem.get(EngineRoleMatrixAppTest.class.getClassLoader())
                .setLogLevel("org.camunda.bpm.engine", LogLevel.OFF);
    }

    @AfterAll
    static void engineLogAgain() {
        LoggingSystem.get(EngineRoleMatrixAppTest.class.getClassLoader()).setLogLevel("org.camunda.bpm.engine", null);
    }

    @Test
    void everyEngineRestEndpointTimesEveryRoleIsDecidedByThePolicy() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        Map<Endpoint, Map<String, Integer>> matrix = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (Endpoint endpoint : EngineEndpoints.all()) {
            for (Map.Entry<String, String> user : RoleUsers.USERS.entrySet()) {
                ResponseEntity<String> answer = call(user.getKey(), endpoint, "/engine-rest");
                check(softly, endpoint, user.getKey(), user.getValue(), answer, serverErrors);
                matrix.computeIfAbsent(endpoint, e -> new LinkedHashMap<>())
                        .put(user.getValue(), answer.getStatusCode().value());
            }
        }
        write(matrix);
        System.out.println("engine role matrix: " + matrix.size() + " endpoints x " + RoleUsers.USERS.size()
                + " users; 5xx answers: " + serverErrors.size() + " " + serverErrors);
        softly.assertAll();
    }

    @Test
    void theWebappsCopyOfTheApiDecidesTheSameForTheirSessions() {
        SoftAssertions softly = new SoftAssertions();
        List<String> serverErrors = new ArrayList<>();
        Map<String, String> logins = Map.of(
                RoleUsers.AGENT,
                "tasklist",
                RoleUsers.AUDITOR,
                "cockpit",
                RoleUsers.SUPERVISOR,
                "cockpit",
                RoleUsers.PROCESS_OWNER,
                "cockpit");
        logins.forEach((user, app) -> {
            WebappSession session = WebappSession.of(http, user, app);
            for (Endpoint endpoint : EngineEndpoints.all()) {
                String path = WebappSession.ENGINE_API + concrete(endpoint);
                if (endpoint.template().equals("/engine")) {
                    path = "/camunda/api/engine/engine";
                }
                boolean body = !Set.of("GET", "DELETE", "OPTIONS").contains(endpoint.method());
                ResponseEntity<String> answer = session.exchange(
                        HttpMethod.valueOf(endpoint.method()),
                        path,
                        body ? MediaType.APPLICATION_JSON : null,
                        body ? "[]" : null);
                check(softly, endpoint, user, RoleUsers.USERS.get(user), answer, serverErrors);
            }
        });
        System.out.println("webapp engine API matrix: 5xx answers: " + serverErrors.size() + " " + serverErrors);
        softly.assertAll();
    }

    private static void check(
            SoftAssertions softly,
            Endpoint endpoint,
            String user,
            String group,
            ResponseEntity<String> answer,
            List<String> serverErrors) {
        int status = answer.getStatusCode().value();
        String body = answer.getBody() == null ? "" : answer.getBody();
        boolean refusedByGuard = status == 403 && body.contains("\"type\":\"AccessDenied\"");
        boolean allowed = EndpointPolicy.allows(endpoint, group.isEmpty() ? List.of() : List.of(group));
        if (allowed) {
            softly.assertThat(refusedByGuard || status == 401)
                    .as("%s as %s (%s) must get past the guard: %s %s", endpoint, user, group, status, cut(body))
                    .isFalse();
        } else {
            softly.assertThat(refusedByGuard)
                    .as("%s as %s (%s) must be refused by the guard: %s %s", endpoint, user, group, status, cut(body))
                    .isTrue();
        }
        if (status >= 500) {
            serverErrors.add(endpoint + " " + status);
            softly.assertThat(body)
                    .as("%s as %s: a 5xx carries a reference only", endpoint, user)
                    .contains("\"reference\"")
                    .doesNotContain("Exception")
                    .doesNotContain("SQL")
                    .doesNotContain("ENGINE-");
        }
        // made-up ids and an empty body are the caller's mistakes: never a server error
        softly.assertThat(status).as("%s as %s: %s", endpoint, user, cut(body)).isLessThan(500);
    }

    private ResponseEntity<String> call(String user, Endpoint endpoint, String prefix) {
        HttpHeaders headers = new HttpHeaders();
        boolean body = !Set.of("GET", "DELETE", "OPTIONS").contains(endpoint.method());
        if (body) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.withBasicAuth(user, TestDatabase.password())
                .exchange(
                        URI.create(prefix + concrete(endpoint)),
                        HttpMethod.valueOf(endpoint.method()),
                        new HttpEntity<>(body ? "[]" : null, headers),
                        String.class);
    }

    /** The template with made-up ids that no object has. */
    static String concrete(Endpoint endpoint) {
        return endpoint.template().replace("{}", NONE);
    }

    private static String cut(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    /** The matrix as a Markdown table: ✓ where the role gets past the guard. */
    private static void write(Map<Endpoint, Map<String, Integer>> matrix) throws IOException {
        List<String> groups = new ArrayList<>(RoleUsers.USERS.values());
        StringBuilder md = new StringBuilder("| endpoint | "
                + groups.stream().map(g -> g.isEmpty() ? "(no group)" : g).collect(Collectors.joining(" | "))
                + " |\n|---|" + "---|".repeat(groups.size()) + "\n");
        for (Endpoint endpoint : matrix.keySet()) {
            md.append("| `").append(endpoint).append("` | ");
            md.append(groups.stream()
                    .map(g -> EndpointPolicy.allows(endpoint, g.isEmpty() ? List.of() : List.of(g)) ? "✓" : "")
                    .collect(Collectors.joining(" | ")));
            md.append(" |\n");
        }
        Path out = Path.of("target", "role-matrix", "engine.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        assertThat(out).exists();
    }
}
