package com.complaintdesk.audit;

import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.closure.Retrospective;
import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.evidence.ChainCheck;
import com.complaintdesk.evidence.EvidenceItem;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.EvidenceVerification;
import com.complaintdesk.identity.EngineAuthentication;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * A case's whole history in one chronological list, for auditors: the case record's milestones, everything the
 * engine kept about every process instance of the case (the lifecycle, its crisis response, its delivery failures:
 * all share the case's business key), the SLA clocks, the messages sent and the evidence with its verification.
 * Camunda's Cockpit (Community) shows no history of finished instances; this is where an auditor reads it.
 *
 * <p>The engine is asked as the reading user, so the engine's authorizations decide what is shown: an auditor's,
 * owner's or supervisor's {@code READ_HISTORY} on process and decision definitions covers all of it. Per process
 * instance it is one query each for activities, the user operation log, decisions, incidents and comments; the tasks
 * and variable updates of all instances are one query each. Per task it is two: its candidate groups (the engine's
 * identity link log can only be asked by task) and its comments (a comment added in Tasklist names its task, not
 * its process instance).
 *
 * <p>Who set a variable: the engine records, with each variable update, the id of the operation in whose transaction
 * it was set; the user operation log names the user of that operation (e.g. whoever completed the task whose form
 * set it). A task's local variable without such an operation is credited to the task's assignee. Values set by the
 * engine's own jobs (timers, asynchronous steps) have no user.
 *
 * <p>Entries at the same instant keep a stable order: what ends or starts the instant first (the complaint received,
 * a process started, a task completed), then the engine's steps in the order it took them, with each decision after
 * the step that evaluated it, then variables, operations and comments, incidents, messages and evidence, the case
 * record and SLA clocks (a first response is recorded as its reply is delivered), and last a process ending.
 */
@Service
class CaseTimeline {

    /** Longer values (variables, decision inputs, message texts) are cut to this many characters. */
    static final int VALUE_LENGTH = 500;
    /** Evidence content is cut shorter: the full item is in the case file and the evidence API. */
    static final int EVIDENCE_CONTENT_LENGTH = 300;

    static final String CASE = "case";
    static final String PROCESS = "process";
    static final String ACTIVITY = "activity";
    static final String TASK = "task";
    static final String VARIABLE = "variable";
    static final String OPERATION = "operation";
    static final String COMMENT = "comment";
    static final String DECISION = "decision";
    static final String INCIDENT = "incident";
    static final String SLA = "sla";
    static final String MESSAGE = "message";
    static final String EVIDENCE = "evidence";

    // ranks of entries at the same instant (see the class comment)
    private static final int FIRST = 0;
    private static final int STEP = 1;
    private static final int RECORDED = 2;
    private static final int INCIDENTS = 3;
    private static final int SENT = 4;
    private static final int RECORD = 5;
    private static final int LAST = 6;

    private static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::at)
            .thenComparingInt(TimelineEntry::rank)
            .thenComparingLong(TimelineEntry::order);

    /** A case's timeline; {@code evidence} is the verification of its evidence chain at the time it was read. */
    record Timeline(String caseId, String businessKey, List<TimelineEntry> entries, EvidenceVerification evidence) {}

    private final AuditCases cases;
    private final HistoryService history;
    private final TaskService tasks;
    private final EngineAuthentication engine;
    private final SlaEvents slaEvents;
    private final Outbox outbox;
    private final OutboxAttempts outboxAttempts;
    private final EvidenceStore evidence;
    private final Retrospectives retrospectives;
    private final Clock clock = Clock.systemUTC();

    CaseTimeline(
            AuditCases cases,
            HistoryService history,
            TaskService tasks,
            EngineAuthentication engine,
            SlaEvents slaEvents,
            Outbox outbox,
            OutboxAttempts outboxAttempts,
            EvidenceStore evidence,
            Retrospectives retrospectives) {
        this.cases = cases;
        this.history = history;
        this.tasks = tasks;
        this.engine = engine;
        this.slaEvents = slaEvents;
        this.outbox = outbox;
        this.outboxAttempts = outboxAttempts;
        this.evidence = evidence;
        this.retrospectives = retrospectives;
    }

    /** The case's timeline as {@code userId} may read it; empty when there is no such case. */
    Optional<Timeline> of(String caseId, String userId) {
        Optional<CaseRow> found = cases.find(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseRow c = found.get();
        Entries entries = new Entries();
        caseRecord(c, entries);
        retrospectives.forCase(caseId).ifPresent(r -> retrospective(r, entries));
        Map<String, String> processKeys = engine.as(userId, () -> engineHistory(c.businessKey(), entries));
        for (SlaEvent e : slaEvents.forCase(caseId)) {
            sla(e, processKeys, entries);
        }
        Map<String, OutboxAttempts.Attempts> attempts = outboxAttempts.forCase(caseId);
        for (OutboxEntry m : outbox.forCase(caseId)) {
            message(m, attempts.get(m.id()), processKeys, entries);
        }
        ChainCheck check = evidence.check(caseId, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        for (ChainCheck.CheckedItem item : check.items()) {
            evidence(item, entries);
        }
        List<TimelineEntry> sorted = new ArrayList<>(entries.list);
        sorted.sort(CHRONOLOGICAL);
        return Optional.of(new Timeline(caseId, c.businessKey(), List.copyOf(sorted), check.verification()));
    }

    // ------------------------------------------------------------------------------------------------ case record

    private static void caseRecord(CaseRow c, Entries out) {
        out.add(
                c.postedAt(),
                CASE,
                "posted",
                "Complaint posted on " + c.channel(),
                c.customerId(),
                null,
                null,
                FIRST,
                detail(
                        "channel",
                        c.channel(),
                        "externalId",
                        c.externalId(),
                        "customerId",
                        c.customerId(),
                        "customerName",
                        c.customerName()));
        out.add(
                c.receivedAt(),
                CASE,
                "received",
                "Complaint received",
                c.receivedBy(),
                c.processInstanceId(),
                null,
                FIRST,
                detail(
                        "businessKey",
                        c.businessKey(),
                        "language",
                        c.language(),
                        "orderId",
                        c.orderId(),
                        "text",
                        cut(c.text(), VALUE_LENGTH)));
        out.add(
                c.firstRespondedAt(),
                CASE,
                "first-response",
                "First response given",
                null,
                null,
                null,
                RECORD,
                detail("tier", c.tier(), "category", c.category()));
        out.add(
                c.resolvedAt(),
                CASE,
                "resolved",
                "Case resolved",
                null,
                null,
                null,
                RECORD,
                detail(
                        "resolutionSummary",
                        c.resolutionSummary(),
                        "compensation",
                        c.compensation(),
                        "compensationAmount",
                        c.compensationAmount()));
        out.add(
                c.closedAt(),
                CASE,
                "closed",
                "Case closed",
                null,
                null,
                null,
                RECORD,
                detail(
                        "rootCause",
                        c.rootCause(),
                        "satisfaction",
                        c.satisfaction(),
                        "reviewOutcome",
                        c.reviewOutcome(),
                        "resolutionSummary",
                        c.resolutionSummary()));
    }

    private static void retrospective(Retrospective r, Entries out) {
        out.add(
                r.heldAt(),
                CASE,
                "retrospective",
                "Retrospective held (" + r.cause() + ")",
                r.heldBy(),
                null,
                null,
                RECORD,
                detail(
                        "cause",
                        r.cause(),
                        "findings",
                        r.findings(),
                        "action",
                        r.action(),
                        "trainingCase",
                        r.trainingCase()));
    }

    // ----------------------------------------------------------------------------------------------------- engine

    /** Everything the engine kept about the case's process instances; answers their process definition keys by id. */
    private Map<String, String> engineHistory(String businessKey, Entries out) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
        Map<String, String> keys = new LinkedHashMap<>();
        instances.forEach(p -> keys.put(p.getId(), p.getProcessDefinitionKey()));
        if (instances.isEmpty()) {
            return keys;
        }
        for (HistoricProcessInstance p : instances) {
            process(p, out);
        }

        // per instance: the steps, the operations, the decisions, the incidents, the comments
        List<HistoricActivityInstance> activities = new ArrayList<>();
        List<UserOperationLogEntry> operations = new ArrayList<>();
        List<HistoricDecisionInstance> decisions = new ArrayList<>();
        List<HistoricIncident> incidents = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (String id : keys.keySet()) {
            activities.addAll(history.createHistoricActivityInstanceQuery()
                    .processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .orderPartiallyByOccurrence()
                    .asc()
                    .list());
            operations.addAll(history.createUserOperationLogQuery()
                    .processInstanceId(id)
                    .orderByTimestamp()
                    .asc()
                    .list());
            decisions.addAll(history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(id)
                    .includeInputs()
                    .includeOutputs()
                    .disableBinaryFetching()
                    .disableCustomObjectDeserialization()
                    .orderByEvaluationTime()
                    .asc()
                    .list());
            incidents.addAll(history.createHistoricIncidentQuery()
                    .processInstanceId(id)
                    .orderByCreateTime()
                    .asc()
                    .list());
            comments.addAll(tasks.getProcessInstanceComments(id));
        }
        List<HistoricTaskInstance> taskInstances = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list();
        List<HistoricDetail> variableUpdates = history.createHistoricDetailQuery()
                .variableUpdates()
                .processInstanceIdIn(keys.keySet().toArray(String[]::new))
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .orderByTime()
                .asc()
                .list();

        // where each step stands among the engine's steps, so that what happens at the same instant keeps its order
        Map<String, Long> stepOrder = new HashMap<>();
        Map<String, String> activityNames = new HashMap<>();
        long order = 0;
        for (HistoricActivityInstance a : activities) {
            stepOrder.put(a.getId(), order);
            order += 2;
            activityNames.put(a.getId(), name(a.getActivityName(), a.getActivityId()));
        }

        Map<String, HistoricTaskInstance> tasksById = new LinkedHashMap<>();
        taskInstances.stream()
                .filter(t -> keys.containsKey(t.getProcessInstanceId()))
                .forEach(t -> tasksById.put(t.getId(), t));
        Operations ops = Operations.of(operations);

        for (HistoricActivityInstance a : activities) {
            if (!"userTask".equals(a.getActivityType())) {
                activity(a, stepOrder.get(a.getId()), out);
            }
        }
        Map<String, Comment> commentsById = new LinkedHashMap<>();
        comments.forEach(comment -> commentsById.put(comment.getId(), comment));
        for (HistoricTaskInstance t : tasksById.values()) {
            task(t, candidates(t.getId()), ops, stepOrder.getOrDefault(t.getActivityInstanceId(), 0L), out);
            // Tasklist's comments name their task only, not its process instance
            tasks.getTaskComments(t.getId()).forEach(comment -> commentsById.putIfAbsent(comment.getId(), comment));
        }
        for (HistoricDecisionInstance d : decisions) {
            decision(
                    d,
                    activityNames.get(d.getActivityInstanceId()),
                    stepOrder.getOrDefault(d.getActivityInstanceId(), -2L) + 1,
                    out);
        }
        long variableOrder = 0;
        for (HistoricDetail d : variableUpdates) {
            if (d instanceof HistoricVariableUpdate v) {
                variable(v, ops, tasksById, activityNames, keys, variableOrder++, out);
            }
        }
        long operationOrder = 0;
        for (Operations.Operation o : ops.list()) {
            // a task's completion shows once: as the task's entry, which names who completed it
            boolean taskCompletion = UserOperationLogEntry.ENTITY_TYPE_TASK.equals(o.entityType())
                    && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.type())
                    && tasksById.containsKey(o.taskId());
            if (!taskCompletion) {
                operation(o, tasksById, keys, operationOrder++, out);
            }
        }
        long commentOrder = 0;
        for (Comment comment : commentsById.values()) {
            comment(comment, tasksById, keys, commentOrder++, out);
        }
        for (HistoricIncident i : incidents) {
            incident(i, out);
        }
        return keys;
    }

    private static void process(HistoricProcessInstance p, Entries out) {
        out.add(
                time(p.getStartTime()),
                PROCESS,
                "started",
                "Process started: " + p.getProcessDefinitionKey(),
                p.getStartUserId(),
                p.getId(),
                p.getProcessDefinitionKey(),
                FIRST,
                detail(
                        "processDefinitionId",
                        p.getProcessDefinitionId(),
                        "version",
                        p.getProcessDefinitionVersion(),
                        "businessKey",
                        p.getBusinessKey(),
                        "superProcessInstanceId",
                        p.getSuperProcessInstanceId()));
        if (p.getEndTime() != null) {
            out.add(
                    time(p.getEndTime()),
                    PROCESS,
                    "ended",
                    "Process ended: " + p.getProcessDefinitionKey(),
                    null,
                    p.getId(),
                    p.getProcessDefinitionKey(),
                    LAST,
                    detail(
                            "state",
                            p.getState(),
                            "endActivityId",
                            p.getEndActivityId(),
                            "durationMs",
                            p.getDurationInMillis(),
                            "deleteReason",
                            p.getDeleteReason()));
        }
    }

    private static void activity(HistoricActivityInstance a, long order, Entries out) {
        out.add(
                time(a.getStartTime()),
                ACTIVITY,
                a.getActivityType(),
                name(a.getActivityName(), a.getActivityId()),
                null,
                a.getProcessInstanceId(),
                a.getProcessDefinitionKey(),
                STEP,
                order,
                detail(
                        "activityId",
                        a.getActivityId(),
                        "activityType",
                        a.getActivityType(),
                        "startedAt",
                        time(a.getStartTime()),
                        "endedAt",
                        time(a.getEndTime()),
                        "durationMs",
                        a.getDurationInMillis(),
                        "canceled",
                        a.isCanceled() ? true : null,
                        "calledProcessInstanceId",
                        a.getCalledProcessInstanceId()));
    }

    /** The candidate groups and users a task ever had, from the engine's identity link log, sorted. */
    private record Candidates(Set<String> groups, Set<String> users) {}

    private Candidates candidates(String taskId) {
        Set<String> groups = new TreeSet<>();
        Set<String> users = new TreeSet<>();
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                .taskId(taskId)
                .type(IdentityLinkType.CANDIDATE)
                .orderByTime()
                .asc()
                .list()) {
            if (!"add".equals(link.getOperationType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        return new Candidates(groups, users);
    }

    private static void task(HistoricTaskInstance t, Candidates candidates, Operations ops, long order, Entries out) {
        Operations.Operation claim = ops.lastClaim(t.getId());
        Operations.Operation completion = ops.completion(t.getId());
        out.add(
                time(t.getStartTime()),
                TASK,
                "created",
                t.getName(),
                null,
                t.getProcessInstanceId(),
                t.getProcessDefinitionKey(),
                STEP,
                order,
                detail(
                        "taskId",
                        t.getId(),
                        "taskDefinitionKey",
                        t.getTaskDefinitionKey(),
                        "candidateGroups",
                        List.copyOf(candidates.groups()),
                        "candidateUsers",
                        candidates.users().isEmpty() ? null : List.copyOf(candidates.users()),
                        "due",
                        time(t.getDueDate()),
                        "assignee",
                        t.getEndTime() == null ? t.getAssignee() : null,
                        "open",
                        t.getEndTime() == null ? true : null));
        if (t.getEndTime() == null) {
            return;
        }
        boolean completed = "completed".equals(t.getDeleteReason());
        String completedBy = !completed ? null : completion != null ? completion.userId() : t.getAssignee();
        out.add(
                time(t.getEndTime()),
                TASK,
                completed ? "completed" : "cancelled",
                t.getName(),
                completedBy,
                t.getProcessInstanceId(),
                t.getProcessDefinitionKey(),
                FIRST,
                0,
                detail(
                        "taskId",
                        t.getId(),
                        "taskDefinitionKey",
                        t.getTaskDefinitionKey(),
                        "candidateGroups",
                        List.copyOf(candidates.groups()),
                        "candidateUsers",
                        candidates.users().isEmpty() ? null : List.copyOf(candidates.users()),
                        "assignee",
                        t.getAssignee(),
                        "claimedBy",
                        claim == null ? null : claim.newValue("assignee"),
                        "claimedAt",
                        claim == null ? null : claim.at(),
                        "createdAt",
                        time(t.getStartTime()),
                        "durationMs",
                        t.getDurationInMillis(),
                        "completedBy",
                        completedBy,
                        "operationId",
                        completion == null ? null : completion.operationId(),
                        "deleteReason",
                        completed ? null : t.getDeleteReason()));
    }

    private static void decision(HistoricDecisionInstance d, String activityName, long order, Entries out) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (HistoricDecisionInputInstance in : d.getInputs()) {
            inputs.add(detail(
                    "name",
                    name(in.getClauseName(), in.getClauseId()),
                    "value",
                    value(in::getTypedValue, in.getErrorMessage())));
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (HistoricDecisionOutputInstance o : d.getOutputs()) {
            outputs.add(detail(
                    "name",
                    name(o.getClauseName(), o.getVariableName()),
                    "variable",
                    o.getVariableName(),
                    "value",
                    value(o::getTypedValue, o.getErrorMessage()),
                    "rule",
                    o.getRuleId(),
                    "ruleOrder",
                    o.getRuleOrder()));
        }
        out.add(
                time(d.getEvaluationTime()),
                DECISION,
                "evaluated",
                name(d.getDecisionDefinitionName(), d.getDecisionDefinitionKey()),
                d.getUserId(),
                d.getProcessInstanceId(),
                d.getProcessDefinitionKey(),
                STEP,
                order,
                detail(
                        "decisionKey",
                        d.getDecisionDefinitionKey(),
                        "decisionInstanceId",
                        d.getId(),
                        "rootDecisionInstanceId",
                        d.getRootDecisionInstanceId(),
                        "activityId",
                        d.getActivityId(),
                        "activity",
                        activityName,
                        "inputs",
                        inputs,
                        "outputs",
                        outputs,
                        "collectResultValue",
                        d.getCollectResultValue()));
    }

    private static void variable(
            HistoricVariableUpdate v,
            Operations ops,
            Map<String, HistoricTaskInstance> tasksById,
            Map<String, String> activityNames,
            Map<String, String> keys,
            long order,
            Entries out) {
        Operations.Operation operation = ops.byOperationId(v.getUserOperationId());
        HistoricTaskInstance task = v.getTaskId() == null ? null : tasksById.get(v.getTaskId());
        String by = operation != null ? operation.userId() : task != null ? task.getAssignee() : null;
        String basis =
                operation != null ? "operation" : task != null && task.getAssignee() != null ? "task assignee" : null;
        Object value = value(v::getTypedValue, v.getErrorMessage());
        out.add(
                time(v.getTime()),
                VARIABLE,
                v.getRevision() == 0 ? "created" : "updated",
                v.getVariableName() + " = " + cut(String.valueOf(value), 120),
                by,
                v.getProcessInstanceId(),
                keys.get(v.getProcessInstanceId()),
                RECORDED,
                order,
                detail(
                        "name",
                        v.getVariableName(),
                        "value",
                        value,
                        "type",
                        v.getTypeName(),
                        "revision",
                        v.getRevision(),
                        "activity",
                        activityNames.get(v.getActivityInstanceId()),
                        "taskId",
                        v.getTaskId(),
                        "task",
                        task == null ? null : task.getName(),
                        "operationId",
                        v.getUserOperationId(),
                        "operation",
                        operation == null ? null : operation.type(),
                        "actorFrom",
                        basis));
    }

    private static void operation(
            Operations.Operation o,
            Map<String, HistoricTaskInstance> tasksById,
            Map<String, String> keys,
            long order,
            Entries out) {
        HistoricTaskInstance task = o.taskId() == null ? null : tasksById.get(o.taskId());
        String title = o.type() + " " + o.entityType() + (task == null ? "" : ": " + task.getName());
        out.add(
                o.at(),
                OPERATION,
                o.type(),
                title,
                o.userId(),
                o.processInstanceId(),
                keys.get(o.processInstanceId()),
                RECORDED,
                order,
                detail(
                        "operationId",
                        o.operationId(),
                        "entityType",
                        o.entityType(),
                        "category",
                        o.category(),
                        "taskId",
                        o.taskId(),
                        "properties",
                        o.properties(),
                        "annotation",
                        o.annotation()));
    }

    private static void comment(
            Comment c, Map<String, HistoricTaskInstance> tasksById, Map<String, String> keys, long order, Entries out) {
        HistoricTaskInstance task = c.getTaskId() == null ? null : tasksById.get(c.getTaskId());
        String processInstanceId = c.getProcessInstanceId() != null
                ? c.getProcessInstanceId()
                : task != null ? task.getProcessInstanceId() : null;
        out.add(
                time(c.getTime()),
                COMMENT,
                "added",
                cut(c.getFullMessage(), 120),
                c.getUserId(),
                processInstanceId,
                keys.get(processInstanceId),
                RECORDED,
                order,
                detail(
                        "message",
                        cut(c.getFullMessage(), VALUE_LENGTH),
                        "taskId",
                        c.getTaskId(),
                        "task",
                        task == null ? null : task.getName()));
    }

    private static void incident(HistoricIncident i, Entries out) {
        String state = i.isOpen() ? "open" : i.isResolved() ? "resolved" : "deleted";
        Map<String, Object> detail = detail(
                "incidentId",
                i.getId(),
                "incidentType",
                i.getIncidentType(),
                "message",
                cut(i.getIncidentMessage(), VALUE_LENGTH),
                "activityId",
                i.getActivityId(),
                "failedActivityId",
                i.getFailedActivityId(),
                "state",
                state,
                "endedAt",
                time(i.getEndTime()),
                "annotation",
                i.getAnnotation());
        out.add(
                time(i.getCreateTime()),
                INCIDENT,
                "opened",
                "Incident: " + i.getIncidentType(),
                null,
                i.getProcessInstanceId(),
                i.getProcessDefinitionKey(),
                INCIDENTS,
                detail);
        if (!i.isOpen()) {
            out.add(
                    time(i.getEndTime()),
                    INCIDENT,
                    state,
                    "Incident " + state + ": " + i.getIncidentType(),
                    null,
                    i.getProcessInstanceId(),
                    i.getProcessDefinitionKey(),
                    INCIDENTS,
                    detail);
        }
    }

    // ------------------------------------------------------------------------------------ SLA, messages, evidence

    private static void sla(SlaEvent e, Map<String, String> processKeys, Entries out) {
        boolean breach = SlaEvent.BREACHED.equals(e.event()) || SlaEvent.SECOND_BREACH.equals(e.event());
        out.add(
                e.occurredAt(),
                SLA,
                e.event(),
                words(e.clock()) + " clock " + words(e.event()),
                e.actor(),
                e.processInstanceId(),
                processKeys.get(e.processInstanceId()),
                RECORD,
                detail("clock", e.clock(), "tier", e.tier(), "dueAt", e.dueAt(), "breached", breach));
    }

    private static void message(
            OutboxEntry m, OutboxAttempts.Attempts attempts, Map<String, String> processKeys, Entries out) {
        String processInstanceId =
                attempts == null || attempts.step() == null || !attempts.step().contains(":")
                        ? null
                        : attempts.step().substring(0, attempts.step().indexOf(':'));
        String processKey = processKeys.get(processInstanceId);
        String what = m.kind().name() + " on " + m.channel() + " " + m.surface();
        Map<String, Object> common = detail(
                "messageId",
                m.id(),
                "kind",
                m.kind().name(),
                "channel",
                m.channel(),
                "surface",
                m.surface(),
                "recipient",
                m.recipient(),
                "status",
                m.status(),
                "attempts",
                attempts == null ? null : attempts.attempts(),
                "lastAttemptAt",
                attempts == null ? null : attempts.lastAttemptAt(),
                "lastError",
                attempts == null ? null : cut(attempts.lastError(), VALUE_LENGTH));
        Map<String, Object> queued = new LinkedHashMap<>(common);
        queued.put("text", cut(m.text(), VALUE_LENGTH));
        out.add(m.createdAt(), MESSAGE, "queued", what, null, processInstanceId, processKey, SENT, queued);
        if (m.deliveredAt() != null) {
            boolean manual = Outbox.MANUAL.equals(m.status());
            String by = manual && m.platformRef() != null && m.platformRef().startsWith(Outbox.MANUAL + ":")
                    ? m.platformRef().substring(Outbox.MANUAL.length() + 1)
                    : null;
            Map<String, Object> delivered = new LinkedHashMap<>(common);
            delivered.put("platformRef", m.platformRef());
            out.add(
                    m.deliveredAt(),
                    MESSAGE,
                    manual ? "manual" : "delivered",
                    (manual ? "Delivered by hand: " : "Delivered: ") + what,
                    by,
                    processInstanceId,
                    processKey,
                    SENT,
                    delivered);
        } else if (attempts != null && attempts.lastAttemptAt() != null) {
            out.add(
                    attempts.lastAttemptAt(),
                    MESSAGE,
                    "attempt",
                    "Attempt " + attempts.attempts() + ", " + m.status() + ": " + what,
                    null,
                    processInstanceId,
                    processKey,
                    SENT,
                    common);
        }
    }

    private static void evidence(ChainCheck.CheckedItem checked, Entries out) {
        EvidenceItem i = checked.item();
        out.add(
                i.createdAt(),
                EVIDENCE,
                checked.state().json(),
                "Evidence #" + i.seq() + ": " + i.kind(),
                i.createdBy(),
                null,
                null,
                SENT,
                i.seq(),
                detail(
                        "evidenceId",
                        i.id(),
                        "seq",
                        i.seq(),
                        "kind",
                        i.kind(),
                        "sourceRef",
                        i.sourceRef(),
                        "state",
                        checked.state().json(),
                        "problem",
                        checked.problem(),
                        "sha256",
                        i.sha256(),
                        "previousSha256",
                        i.previousSha256(),
                        "content",
                        cut(i.content(), EVIDENCE_CONTENT_LENGTH)));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The entries as they are collected, in the order of their sources. */
    private static final class Entries {

        final List<TimelineEntry> list = new ArrayList<>();

        void add(
                OffsetDateTime at,
                String kind,
                String event,
                String title,
                String actor,
                String processInstanceId,
                String processKey,
                int rank,
                Map<String, Object> detail) {
            add(at, kind, event, title, actor, processInstanceId, processKey, rank, 0, detail);
        }

        void add(
                OffsetDateTime at,
                String kind,
                String event,
                String title,
                String actor,
                String processInstanceId,
                String processKey,
                int rank,
                long order,
                Map<String, Object> detail) {
            if (at != null) {
                list.add(new TimelineEntry(
                        at.withOffsetSameInstant(ZoneOffset.UTC),
                        kind,
                        event,
                        title,
                        actor,
                        processInstanceId,
                        processKey,
                        detail,
                        rank,
                        order));
            }
        }
    }

    /**
     * The user operation log of the case's instances, one operation per operation id, entity and type (the engine
     * writes one row per property it changed).
     */
    private record Operations(List<Operation> list, Map<String, Operation> byOperationId) {

        record Operation(
                String operationId,
                String type,
                String entityType,
                String category,
                String userId,
                OffsetDateTime at,
                String processInstanceId,
                String taskId,
                String annotation,
                List<Map<String, Object>> properties) {

            String newValue(String property) {
                return properties.stream()
                        .filter(p -> property.equals(p.get("property")))
                        .map(p -> (String) p.get("to"))
                        .findFirst()
                        .orElse(null);
            }
        }

        static Operations of(List<UserOperationLogEntry> entries) {
            Map<String, Operation> grouped = new LinkedHashMap<>();
            Map<String, Operation> byOperationId = new HashMap<>();
            for (UserOperationLogEntry e : entries) {
                String key = e.getOperationId() + "|" + e.getEntityType() + "|" + e.getOperationType();
                Operation o = grouped.computeIfAbsent(
                        key,
                        k -> new Operation(
                                e.getOperationId(),
                                e.getOperationType(),
                                e.getEntityType(),
                                e.getCategory(),
                                e.getUserId(),
                                time(e.getTimestamp()),
                                e.getProcessInstanceId(),
                                e.getTaskId(),
                                e.getAnnotation(),
                                new ArrayList<>()));
                if (e.getProperty() != null) {
                    o.properties()
                            .add(detail(
                                    "property",
                                    e.getProperty(),
                                    "from",
                                    cut(e.getOrgValue(), VALUE_LENGTH),
                                    "to",
                                    cut(e.getNewValue(), VALUE_LENGTH)));
                }
                if (e.getOperationId() != null && e.getUserId() != null) {
                    byOperationId.putIfAbsent(e.getOperationId(), o);
                }
            }
            return new Operations(List.copyOf(grouped.values()), byOperationId);
        }

        Operation byOperationId(String operationId) {
            return operationId == null ? null : byOperationId.get(operationId);
        }

        /** The task's completion by a person, if the log has it. */
        Operation completion(String taskId) {
            return list.stream()
                    .filter(o ->
                            taskId.equals(o.taskId()) && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.type()))
                    .reduce((first, second) -> second)
                    .orElse(null);
        }

        /** The last time someone claimed the task or assigned it to someone. */
        Operation lastClaim(String taskId) {
            return list.stream()
                    .filter(o -> taskId.equals(o.taskId())
                            && (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(o.type())
                                    || UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(o.type()))
                            && o.newValue("assignee") != null)
                    .reduce((first, second) -> second)
                    .orElse(null);
        }
    }

    /** A value as the timeline shows it: numbers and booleans as they are, anything else as text of limited length. */
    private static Object value(java.util.function.Supplier<TypedValue> typed, String errorMessage) {
        if (errorMessage != null) {
            return "(unreadable: " + cut(errorMessage, 200) + ")";
        }
        TypedValue v;
        try {
            v = typed.get();
        } catch (RuntimeException unreadable) {
            return "(unreadable: " + cut(String.valueOf(unreadable.getMessage()), 200) + ")";
        }
        if (v == null) {
            return null;
        }
        if (v instanceof SerializableValue s && !s.isDeserialized()) {
            return cut(s.getValueSerialized(), VALUE_LENGTH);
        }
        if (v instanceof FileValue f) {
            return "(file " + f.getFilename() + ")";
        }
        if (ValueType.BYTES.equals(v.getType())) {
            return "(binary)";
        }
        Object value = v.getValue();
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return time(date).toString();
        }
        return cut(String.valueOf(value), VALUE_LENGTH);
    }

    /** The text, cut to {@code length} characters with a note of how long it was. */
    static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return text.substring(0, length) + "… (" + text.length() + " characters)";
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String name(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    /** {@code first_response} → {@code First response}. */
    private static String words(String key) {
        String spaced = key.replace('_', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }

    /** A detail map from name, value, … pairs, without the names whose value is {@code null}. */
    static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }
}
