package com.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.engine.EngineEndpoints.Endpoint;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The role matrix of the engine REST API is complete: every endpoint Camunda serves, as read from its JAX-RS
 * annotations, has exactly one line in {@code security/engine-endpoints.txt}, and the table names no endpoint that
 * does not exist. A Camunda upgrade that adds an endpoint fails here until someone decides who may call it.
 */
class EngineEndpointsTest {

    @Test
    void everyEndpointOfTheEngineApiHasALineInThePolicyAndNoLineIsStale() {
        Set<Endpoint> served = new TreeSet<>(EngineEndpoints.all());
        Set<Endpoint> listed = new TreeSet<>(EndpointPolicy.table().keySet());
        Set<Endpoint> unlisted = new TreeSet<>(served);
        unlisted.removeAll(listed);
        Set<Endpoint> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(unlisted)
                .as("endpoints Camunda serves that the policy does not name")
                .isEmpty();
        assertThat(stale)
                .as("policy lines for endpoints Camunda does not serve")
                .isEmpty();
        assertThat(served).hasSizeGreaterThan(400); // the whole API was read, not a part of it
    }

    @Test
    void literalSegmentsWinOverVariablesAsJerseyMatchesThem() {
        assertThat(EngineEndpoints.match("POST", List.of("task", "count")))
                .map(Endpoint::template)
                .contains("/task/count");
        assertThat(EngineEndpoints.match("GET", List.of("task", "abc")))
                .map(Endpoint::template)
                .contains("/task/{}");
        assertThat(EngineEndpoints.match("POST", List.of("task", "abc", "submit-form")))
                .map(Endpoint::template)
                .contains("/task/{}/submit-form");
        assertThat(EngineEndpoints.match("PUT", List.of("job", "j1", "duedate")))
                .map(Endpoint::template)
                .contains("/job/{}/duedate");
        assertThat(EngineEndpoints.match("POST", List.of("task", "abc", "nothing")))
                .isEmpty();
    }

    /** Reads change nothing: GET and OPTIONS, and the POSTs that only query. */
    private static boolean read(Endpoint endpoint) {
        String why = EndpointPolicy.table().get(endpoint).why();
        return Set.of("GET", "OPTIONS").contains(endpoint.method())
                || why.startsWith("a query")
                || why.startsWith("a filter's tasks");
    }

    private static Set<String> changes(String group) {
        return EngineEndpoints.all().stream()
                .filter(e -> !read(e) && EndpointPolicy.allows(e, List.of(group)))
                .map(Endpoint::toString)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @Test
    void anAgentChangesACaseOnlyByWorkingHerTasks() {
        // no start, no variable, no job, no message or signal, no modification: cases start at intake (#15)
        assertThat(changes("agents"))
                .containsExactlyInAnyOrder(
                        "POST /task/{}/assignee",
                        "POST /task/{}/attachment/create",
                        "POST /task/{}/claim",
                        "POST /task/{}/comment/create",
                        "POST /task/{}/complete",
                        "POST /task/{}/delegate",
                        "POST /task/{}/resolve",
                        "POST /task/{}/submit-form",
                        "POST /task/{}/unclaim",
                        "PUT /user/{}/credentials",
                        "PUT /user/{}/profile");
    }

    @Test
    void anAuditorWritesNothingButTheirOwnPassword() {
        assertThat(changes("auditors")).containsExactlyInAnyOrder("PUT /user/{}/credentials", "PUT /user/{}/profile");
    }

    @Test
    void supervisorsAndProcessOwnersMoveNoDeadlineAndSetNoVariable() {
        for (String group : List.of("supervisors", "process-owners", "owners", "legal", "product")) {
            assertThat(changes(group))
                    .as(group)
                    .noneMatch(e -> e.contains("/job")
                            || e.contains("ariables")
                            || e.endsWith("/start")
                            || e.endsWith("/modification")
                            || e.equals("POST /message")
                            || e.equals("POST /signal")
                            || e.contains("/comment/{}")
                            || e.endsWith("/comment"));
        }
        assertThat(changes("process-owners"))
                .contains("POST /deployment/create")
                .doesNotContain("DELETE /deployment/{}");
    }
}
