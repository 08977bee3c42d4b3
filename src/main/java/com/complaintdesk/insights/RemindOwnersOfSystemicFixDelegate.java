package com.complaintdesk.insights;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task_RemindOwnersOfSystemicFix (A2): a systemic fix still undecided when its reminder timer fires (a week by default) moves to the top of the owners'
 * lists (highest priority) with a comment saying how long it has waited; the task stays where it is.
 */
@Component
public class RemindOwnersOfSystemicFixDelegate implements JavaDelegate {

    /** Tasklist's highest priority sorts first. */
    static final int OVERDUE_PRIORITY = 100;

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ComplaintInsights.Activity.DECIDE_SYSTEMIC_FIX)
                .list()) {
            task.setPriority(OVERDUE_PRIORITY);
            tasks.saveTask(task);
            tasks.createComment(
                    task.getId(),
                    execution.getProcessInstanceId(),
                    "Still undecided: the owners are reminded (A2). / 仍未决定：再次提醒管理层。");
        }
    }
}
