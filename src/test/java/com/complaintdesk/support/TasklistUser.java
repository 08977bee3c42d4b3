package com.complaintdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * One person working cases over HTTP the way Tasklist does ({@link Tasklist}, for one user): opens a complaint with
 * {@code POST /api/complaints}, waits for a task of the case, claims it and submits its form through the engine REST
 * API.
 */
public final class TasklistUser {

    private final Tasklist tasklist;
    private final String user;

    public TasklistUser(TestRestTemplate http, String user) {
        this.tasklist = new Tasklist(http, null);
        this.user = user;
    }

    public Tasklist.Opened open(Map<String, Object> complaint) {
        return tasklist.open(user, complaint);
    }

    /** Finds the task, claims it and submits its form with these values; the submission must be accepted. */
    public void work(String processInstanceId, String taskKey, Map<String, Object> values) {
        tasklist.work(user, processInstanceId, taskKey, values);
    }

    public String awaitTask(String processInstanceId, String taskKey) {
        return tasklist.awaitTask(user, processInstanceId, taskKey);
    }

    public void claim(String taskId) {
        tasklist.claim(user, taskId);
    }

    /** Submits the form as Tasklist does; the answer is the engine's, or the form guard's 400 with one error per field. */
    public ResponseEntity<JsonNode> submitForm(String taskId, Map<String, Object> values) {
        return tasklist.submitForm(user, taskId, values);
    }
}
