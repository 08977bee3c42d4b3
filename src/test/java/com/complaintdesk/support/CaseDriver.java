package com.complaintdesk.support;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** Drives one complaint through the lifecycle on the process tests' engine, step by step, as Tasklist would. */
public final class CaseDriver {

    private final ProcessEngine engine;
    public final ProcessInstance instance;

    private CaseDriver(ProcessEngine engine, ProcessInstance instance) {
        this.engine = engine;
        this.instance = instance;
    }

    /** A case as intake starts it: posted at {@code postedAt}, with an order and a customer in {@code timezone}. */
    public static CaseDriver start(
            ProcessEngine engine, String channel, String text, String language, String timezone, Instant postedAt) {
        return start(engine, channel, text, language, timezone, postedAt, Map.of());
    }

    /** A case as intake starts it, with these variables added or replaced (e.g. the E1–E5 facts of the case). */
    public static CaseDriver start(
            ProcessEngine engine,
            String channel,
            String text,
            String language,
            String timezone,
            Instant postedAt,
            Map<String, Object> overrides) {
        Map<String, Object> v = new HashMap<>();
        v.put(Var.CASE_ID, "case-" + Math.abs(text.hashCode()));
        v.put(Var.CHANNEL, channel);
        v.put(Var.PUBLIC_SURFACE, List.of("instagram", "ebay", "wechat").contains(channel));
        v.put(Var.EXTERNAL_ID, "ext-" + Math.abs(text.hashCode()));
        v.put(Var.POSTED_AT, Date.from(postedAt));
        v.put(Var.TEXT, text);
        v.put(Var.LANGUAGE, language);
        v.put(Var.CUSTOMER_ID, "cust-1");
        v.put(Var.CUSTOMER_NAME, "Lin");
        v.put(Var.CUSTOMER_TIMEZONE, timezone);
        v.put(Var.CUSTOMER_LIFETIME_ORDERS, 2);
        v.put(Var.ORDER_ID, "ord-1");
        v.put(Var.ORDER_VALUE, 80.0);
        v.put(Var.ORDER_CURRENCY, "USD");
        v.put(Var.PROMISED_DELIVERY, null);
        v.put(Var.DELIVERED_AT, null);
        v.put(Var.PRODUCT_SKU, "MUG-1");
        v.put(Var.PRODUCT_TITLE, "Ceramic mug");
        v.put(Var.PRODUCT_FRAGILE, false);
        v.put(Var.LIKES, 3);
        v.put(Var.SHARES, 0);
        v.put(Var.COMMENTS, 1);
        v.putAll(overrides);
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, channel + ":" + v.get(Var.EXTERNAL_ID), v);
        return new CaseDriver(engine, instance);
    }

    public Task task(String activityId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    /** Submits the task's form with these values (the task must be open). */
    public CaseDriver complete(String activityId, Object... keyValues) {
        Task task = Objects.requireNonNull(task(activityId), "no open task " + activityId);
        engine.getFormService().submitTaskForm(task.getId(), map(keyValues));
        return this;
    }

    /** Runs the job (asynchronous step or due timer) waiting at an activity. */
    public CaseDriver run(String activityId) {
        List<Job> jobs = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .list();
        if (jobs.size() != 1) {
            throw new AssertionError("expected one job at " + activityId + " but found " + jobs.size());
        }
        engine.getManagementService().executeJob(jobs.get(0).getId());
        return this;
    }

    public Job job(String activityId) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    public List<String> candidateGroups(String activityId) {
        return engine.getTaskService().getIdentityLinksForTask(task(activityId).getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    public Object variable(String name) {
        return engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .list()
                .stream()
                .findFirst()
                .map(v -> v.getValue())
                .orElse(null);
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    // --- the usual steps of the playbook, with realistic values

    public CaseDriver triage(String tier, String category) {
        return complete(
                ComplaintLifecycle.Activity.CONFIRM_TRIAGE,
                Var.TIER,
                tier,
                Var.CATEGORY,
                category,
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    /** The agent's reply: the template's four parts with every blank filled in (P1–P4, P6). */
    public CaseDriver draftReply() {
        return draftReply("We checked: this batch was packed in boxes that crush easily in transit.");
    }

    /** The agent's reply with this cause (P2). */
    public CaseDriver draftReply(String cause) {
        return complete(
                ComplaintLifecycle.Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Lin, we are very sorry about this, and thank you for telling us.",
                Var.REPLY_CAUSE,
                cause,
                Var.REPLY_SOLUTION,
                "We send you a replacement today by express; it arrives by Thursday.",
                Var.REPLY_INVITATION,
                "We have sent you a direct message to arrange the details.",
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    public CaseDriver prepareFollowUp(String rootCause, String customerType) {
        return complete(
                ComplaintLifecycle.Activity.PREPARE_FOLLOW_UP,
                Var.FOLLOW_UP_FINDINGS,
                "Tracking shows the parcel was crushed in the sorting centre.",
                Var.ROOT_CAUSE,
                rootCause,
                Var.CUSTOMER_TYPE,
                customerType,
                Var.CONTACT_CHANNEL,
                "platform_message",
                Var.OPENING_SCRIPT,
                "Hello Lin, this is Ana from the shop's customer care. We have checked your order and are sorry.",
                Var.RESOLUTION_STEPS,
                "1. We send a replacement today (arrives in 3 days). 2. We check the packaging of this batch this week.",
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    public CaseDriver contactCustomer() {
        return complete(
                        ComplaintLifecycle.Activity.CONTACT_CUSTOMER,
                        Var.CONTACT_OUTCOME,
                        "reached",
                        Var.CONTACT_SUMMARY,
                        "The customer wants the mug replaced before the weekend.",
                        Var.ESCALATE_TO_CRISIS,
                        false)
                .run(ComplaintLifecycle.Activity.SEND_FOLLOW_UP_MESSAGE);
    }

    public CaseDriver offer(String option1, String option2) {
        return complete(
                        ComplaintLifecycle.Activity.OFFER_COMPENSATION,
                        Var.COMPENSATION_OPTION_1,
                        option1,
                        Var.COMPENSATION_OPTION_2,
                        option2,
                        Var.OFFER_MESSAGE,
                        "We are sorry for the broken mug. Please choose what suits you best:",
                        Var.ESCALATE_TO_CRISIS,
                        false)
                .run(ComplaintLifecycle.Activity.SEND_COMPENSATION_OFFER);
    }

    public CaseDriver customerChooses(String option, double amount) {
        return complete(
                ComplaintLifecycle.Activity.RECORD_CUSTOMER_CHOICE,
                Var.CHOSEN_COMPENSATION,
                option,
                Var.COMPENSATION_AMOUNT,
                amount,
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    public CaseDriver confirmResolution(String resolved, String satisfied) {
        return complete(
                ComplaintLifecycle.Activity.CONFIRM_RESOLUTION,
                Var.PROBLEM_RESOLVED,
                resolved,
                Var.CUSTOMER_SATISFIED,
                satisfied,
                Var.RESOLUTION_SUMMARY,
                "Replacement delivered; customer happy.",
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    public CaseDriver close(String rootCause) {
        return complete(
                ComplaintLifecycle.Activity.CLOSE_CASE,
                Var.ROOT_CAUSE,
                rootCause,
                Var.RESOLUTION_SUMMARY,
                "Replacement delivered; packaging of the batch reinforced.",
                Var.CUSTOMER_SATISFACTION,
                "satisfied",
                Var.ESCALATE_TO_CRISIS,
                false);
    }
}
