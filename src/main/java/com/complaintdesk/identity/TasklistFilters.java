package com.complaintdesk.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every role finds the moment it logs in. Their queries are stored, so they may use
 * {@code ${currentUser()}} and {@code ${currentUserGroups()}}; callers can not send expressions.
 */
final class TasklistFilters {

    record Definition(
            String name,
            int priority,
            String color,
            String description,
            List<String> groups,
            UnaryOperator<TaskQuery> query) {

        Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("priority", priority);
            properties.put("color", color);
            properties.put("description", description);
            properties.put("refresh", true);
            properties.put("showUndefinedVariable", false);
            properties.put(
                    "variables",
                    List.of(
                            variable("customerName", "Customer / 客户"),
                            variable("tier", "Tier / 等级"),
                            variable("category", "Category / 类别"),
                            variable("channel", "Channel / 渠道"),
                            variable("firstResponseDueAt", "First response due / 首次回复截止"),
                            variable("caseId", "Case / 案件")));
            return properties;
        }

        private static Map<String, String> variable(String name, String label) {
            return Map.of("name", name, "label", label);
        }
    }

    /**
     * Task ids of the deployed insights diagrams ({@code complaint-insights.bpmn}, {@code product-feedback-digest.bpmn})
     * the filters list, as ids of the diagrams rather than of the insights code; {@code ProcessIdsTest} checks them.
     */
    static final String DECIDE_SYSTEMIC_FIX = "Task_DecideSystemicFix";

    static final String REVIEW_PRODUCT_DIGEST = "Task_ReviewProductDigest";

    private static final List<String> WORKING_GROUPS =
            List.of(Roles.AGENTS, Roles.SUPERVISORS, Roles.LEGAL, Roles.OWNERS, Roles.PRODUCT, Roles.CAMUNDA_ADMIN);

    /** Listed by priority: a newcomer lands on the open work of their groups. */
    static final List<Definition> ALL = List.of(
            new Definition(
                    "My tasks / 我的任务",
                    -5,
                    "#2f6fb0",
                    "Tasks assigned to me",
                    WORKING_GROUPS,
                    q -> q.taskAssigneeExpression("${currentUser()}")),
            new Definition(
                    "My groups' open tasks / 我组的待办",
                    -10,
                    "#3c8d40",
                    "Unclaimed tasks for my groups: claim one to work on it",
                    WORKING_GROUPS,
                    q -> q.taskCandidateGroupInExpression("${currentUserGroups()}")
                            .taskUnassigned()),
            new Definition(
                    "Crises (T1) / 危机 (T1)",
                    0,
                    "#c0392b",
                    "Every open task of a T1 crisis case",
                    WORKING_GROUPS,
                    q -> q.processVariableValueEquals("tier", "T1")),
            new Definition(
                    "Approvals / 待审批",
                    3,
                    "#8e44ad",
                    "Replies, statements and compensation waiting for approval (X2, X3)",
                    List.of(Roles.SUPERVISORS, Roles.LEGAL, Roles.CAMUNDA_ADMIN),
                    q -> q.taskDefinitionKeyLike("Task_Approve%")),
            new Definition(
                    "Escalations / 升级",
                    5,
                    "#d35400",
                    "Missed deadlines waiting for a supervisor or owner",
                    List.of(Roles.SUPERVISORS, Roles.OWNERS, Roles.CAMUNDA_ADMIN),
                    q -> q.taskDefinitionKeyLike("Task_Handle%Breach")),
            new Definition(
                    "Systemic fixes (A2) / 系统性改进 (A2)",
                    6,
                    "#7f8c8d",
                    "A category that tops the complaints period after period: decide what changes",
                    List.of(Roles.OWNERS, Roles.CAMUNDA_ADMIN),
                    q -> q.taskDefinitionKey(DECIDE_SYSTEMIC_FIX)),
            new Definition(
                    "Product feedback (A3) / 产品反馈 (A3)",
                    7,
                    "#16a085",
                    "The quarterly digest of what customers say about the products",
                    List.of(Roles.PRODUCT, Roles.OWNERS, Roles.CAMUNDA_ADMIN),
                    q -> q.taskDefinitionKey(REVIEW_PRODUCT_DIGEST)));

    private TasklistFilters() {}
}
