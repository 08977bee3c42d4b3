package com.complaintdesk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A check of the engine guard on every task completion ({@code POST …/task/{id}/submit-form} or {@code …/complete},
 * from Tasklist or the REST API alike). The guard runs the checks in their {@code @Order}, as the caller, before the
 * engine sees the request; the first refusal answers it and nothing changes.
 */
public interface TaskCompletionCheck {

    /** What the guard knows of a completion: the task, the caller and the request's JSON body (never null). */
    record Completion(String taskId, EngineCaller caller, JsonNode body) {}

    /** A refusal, or empty to let the completion go on. */
    Optional<Refusal> before(Completion completion);

    /** After the engine refused the completion (status 4xx or 5xx): a better answer, or empty to keep the engine's. */
    default Optional<Refusal> afterFailure(Completion completion, int status) {
        return Optional.empty();
    }
}
