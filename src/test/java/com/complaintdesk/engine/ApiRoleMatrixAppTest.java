package com.complaintdesk.engine;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.RoleUsers;
import com.complaintdesk.support.TestDatabase;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix of the application's own API, generated from the endpoints Spring MVC serves under {@code /api}:
 * every endpoint must have a row here (a new one fails this test until someone decides who may call it), and every
 * endpoint × every role is tried over HTTP. A role not in the row must be refused (401/403); a role in it must get
 * past security (the endpoint then answers about the made-up id or the empty body) and never with a 5xx.
 */
@AppTest
class ApiRoleMatrixAppTest {

    static final Set<String> CASE_WORKERS = Set.of("agents", "supervisors", "camunda-admin");
    static final Set<String> CASE_READERS =
            Set.of("agents", "supervisors", "legal", "owners", "process-owners", "auditors", "camunda-admin");
    static final Set<String> AUDIT_READERS = Set.of("auditors", "supervisors", "owners", "camunda-admin");
    static final Set<String> INSIGHTS_READERS =
            Set.of("owners", "supervisors", "process-owners", "auditors", "product", "camunda-admin");
    static final Set<String> INSIGHTS_RECORDERS = Set.of("owners", "process-owners", "camunda-admin");

    /** Every signed-in user, also one in no group (""): the API's own documentation. */
    static final Set<String> SIGNED_IN = Set.of(
            "agents", "supervisors", "legal", "owners", "process-owners", "auditors", "product", "camunda-admin", "");

    /** METHOD pattern → the groups that may call it: the README's role matrix for {@code /api}. */
    static final Map<String, Set<String>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("POST /api/complaints", CASE_WORKERS);
        ROWS.put("POST /api/complaints/import", CASE_WORKERS);
        ROWS.put("POST /api/complaints/{caseId}/engagement", CASE_WORKERS);
        ROWS.put("GET /api/complaints/{caseId}", CASE_READERS);
        ROWS.put("GET /api/complaints/{caseId}/messages", CASE_READERS);
        ROWS.put("GET /api/audit/cases", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/export", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/{caseId}", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/{caseId}.csv", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/{caseId}/timeline", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/{caseId}/evidence", AUDIT_READERS);
        ROWS.put("GET /api/audit/cases/{caseId}/evidence/verification", AUDIT_READERS);
        ROWS.put("GET /api/insights/reports/current", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/reports/{label}", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/reports/{label}.csv", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/trends", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/review-totals", INSIGHTS_READERS);
        ROWS.put("PUT /api/insights/review-totals/{channel}/{day}", INSIGHTS_RECORDERS);
        ROWS.put("GET /api/insights/retrospectives", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/retrospectives.csv", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/product-digest/{quarter}", INSIGHTS_READERS);
        ROWS.put("GET /api/insights/product-digest/{quarter}.csv", INSIGHTS_READERS);
        ROWS.put("GET /api/openapi", SIGNED_IN);
        ROWS.put("GET /api/openapi.yaml", SIGNED_IN);
        ROWS.put("GET /api/openapi/swagger-config", SIGNED_IN);
        ROWS.put("GET /api/docs", SIGNED_IN);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void everyRoleHasAUser() {
        RoleUsers.ensure(identity);
    }

    /** What Spring MVC serves under /api, as METHOD pattern. */
    Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    served.add(method + " " + pattern);
                }
            }
        }
        return served;
    }

    @Test
    void everyApiEndpointHasARowAndEveryRowIsServed() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(served())
                .as("endpoints under /api without a row in the matrix")
                .isSubsetOf(ROWS.keySet());
        softly.assertThat(ROWS.keySet())
                .as("rows for endpoints that are not served")
                .isSubsetOf(served());
        softly.assertAll();
    }

    @Test
    void everyApiEndpointTimesEveryRoleIsDecidedByItsRow() {
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : served()) {
            Set<String> allowed = ROWS.getOrDefault(endpoint, Set.of());
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "matrix-none");
            for (Map.Entry<String, String> user : RoleUsers.USERS.entrySet()) {
                HttpHeaders headers = new HttpHeaders();
                boolean body = !method.equals("GET");
                if (body) {
                    headers.setContentType(MediaType.APPLICATION_JSON);
                }
                ResponseEntity<String> answer = http.withBasicAuth(user.getKey(), TestDatabase.password())
                        .exchange(
                                URI.create(path),
                                HttpMethod.valueOf(method),
                                new HttpEntity<>(body ? "{}" : null, headers),
                                String.class);
                int status = answer.getStatusCode().value();
                boolean refused = status == 401 || status == 403;
                softly.assertThat(refused)
                        .as("%s as %s (%s): %s %s", endpoint, user.getKey(), user.getValue(), status, answer.getBody())
                        .isEqualTo(!allowed.contains(user.getValue()));
                softly.assertThat(status)
                        .as("%s as %s: %s", endpoint, user.getKey(), answer.getBody())
                        .isLessThan(500);
            }
        }
        softly.assertAll();
        System.out.println("api role matrix: " + served().size() + " endpoints x " + RoleUsers.USERS.size() + " users, "
                + List.copyOf(served()));
    }
}
