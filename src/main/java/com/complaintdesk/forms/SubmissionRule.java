package com.complaintdesk.forms;

import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule across the fields of a task's form that the form itself cannot state (a note required only when sending
 * back, two or three different options). Checked before the engine sees a REST or Tasklist submission (400 with
 * one message per field) and again when any client completes the task.
 */
public interface SubmissionRule {

    /** The ids of the Camunda Forms this rule checks. */
    Set<String> formIds();

    /** What is wrong with the values the task would complete with (its variables with the submitted ones on top). */
    List<FieldProblem> check(String formId, Map<String, Object> values);
}
