package com.complaintdesk.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the application tells the complaint lifecycle: start a case, re-tier it, report a review's outcome or an
 * edited comment. Engine calls run as the user who is authenticated with the engine at the time (see the identity
 * module).
 */
@Component
public class ComplaintLifecycleProcess {

    private final RuntimeService runtime;

    ComplaintLifecycleProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the lifecycle of a new case; returns the process instance id. */
    public String start(String businessKey, Map<String, Object> variables) {
        ProcessInstance instance =
                runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, businessKey, variables);
        return instance.getId();
    }

    /** T6: re-tiers an open case, e.g. when a T3 comment goes viral; the open deadlines are recomputed. */
    public void retier(String businessKey, String tier, String reason) {
        runtime.createMessageCorrelation(ComplaintLifecycle.Message.RETIER)
                .processInstanceBusinessKey(businessKey)
                .setVariable(ComplaintLifecycle.Var.TIER, tier)
                .setVariable(ComplaintLifecycle.Var.RETIER_REASON, reason)
                .correlateWithResult();
    }

    /** R3–R5: the channel reports what the customer did with the review ({@code updated} or {@code declined}). */
    public void reviewOutcome(String businessKey, String outcome) {
        runtime.createMessageCorrelation(ComplaintLifecycle.Message.REVIEW_OUTCOME)
                .processInstanceBusinessKey(businessKey)
                .setVariable(ComplaintLifecycle.Var.REVIEW_OUTCOME, outcome)
                .correlateWithResult();
    }

    /** What {@link #commentEdited} did with an edited comment. */
    public enum CommentEdit {
        /** The case's lifecycle has ended: nothing to tell it. */
        NOT_RUNNING,
        /** The case already knew this text. */
        ALREADY_KNOWN,
        /** Kept as {@code commentEditedText}; the case was not waiting for the review's outcome. */
        RECORDED,
        /** Kept, and the case was waiting for the review's outcome: it is {@code updated} now (R3). */
        REVIEW_UPDATED
    }

    /**
     * R3: the customer edited their public comment on the platform. The new text is kept as
     * {@code commentEditedText}; when the case is waiting for the review's outcome, the outcome is {@code updated}.
     * A case doing anything else only keeps the text: this never fails because the case is elsewhere.
     */
    public CommentEdit commentEdited(String businessKey, String text) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        if (instance == null) {
            return CommentEdit.NOT_RUNNING;
        }
        if (text.equals(runtime.getVariable(instance.getId(), ComplaintLifecycle.Var.COMMENT_EDITED_TEXT))) {
            return CommentEdit.ALREADY_KNOWN;
        }
        runtime.setVariable(instance.getId(), ComplaintLifecycle.Var.COMMENT_EDITED_TEXT, text);
        boolean waitingForOutcome = runtime.createEventSubscriptionQuery()
                        .processInstanceId(instance.getId())
                        .eventType(EventType.MESSAGE.name())
                        .eventName(ComplaintLifecycle.Message.REVIEW_OUTCOME)
                        .count()
                > 0;
        if (!waitingForOutcome) {
            return CommentEdit.RECORDED;
        }
        try {
            reviewOutcome(businessKey, "updated");
            return CommentEdit.REVIEW_UPDATED;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            // Someone recorded the outcome (or the timeout fired) just now: the text is kept all the same.
            return CommentEdit.RECORDED;
        }
    }
}
