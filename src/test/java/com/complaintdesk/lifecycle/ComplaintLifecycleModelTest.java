package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.crisis.ComplaintCrisis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Modeler users, Tasklist and auditors rely on in the BPMN files under processes/. */
class ComplaintLifecycleModelTest {

    static final String LIFECYCLE = "processes/complaint-lifecycle.bpmn";
    static final String CRISIS = "processes/complaint-crisis.bpmn";
    static final String DELIVERY_FAILURE = "processes/delivery-failure.bpmn";

    /** Delegates that talk to the outside world (the channel port): they must run as jobs, after a commit. */
    static final Set<String> OUTSIDE_WORLD = Set.of(
            "${publishReplyDelegate}",
            "${sendFollowUpMessageDelegate}",
            "${sendCompensationOfferDelegate}",
            "${sendChoiceReminderDelegate}",
            "${executeCompensationDelegate}",
            "${sendReviewUpdateRequestDelegate}",
            "${pauseListingDelegate}",
            "${preserveEvidenceDelegate}",
            "${publishStatementDelegate}");

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void everyUserTaskHasDocumentationNamingItsRulesCandidateGroupsAndADeployedForm(String file) throws IOException {
        List<String> formIds = formIds();
        List<UserTask> tasks = List.copyOf(load(file).getModelElementsByType(UserTask.class));
        assertThat(tasks).isNotEmpty();
        for (UserTask task : tasks) {
            assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
            assertThat(task.getDocumentations().iterator().next().getTextContent())
                    .as(task.getId())
                    .matches("(?s).*\\b[TPFCRXEA]\\d.*");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(formIds).as("form of " + task.getId()).contains(task.getCamundaFormRef());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void everyProcessLeavesItsHistoryTimeToLiveToTheSellersDefaultAndCallsTheOutsideWorldOnlyAsynchronously(
            String file) {
        BpmnModelInstance model = load(file);
        for (Process process : model.getModelElementsByType(Process.class)) {
            // complaintdesk.history.time-to-live applies only to a process that does not pin its own
            assertThat(process.getCamundaHistoryTimeToLiveString())
                    .as(process.getId())
                    .isNull();
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (OUTSIDE_WORLD.contains(task.getCamundaDelegateExpression())) {
                assertThat(task.isCamundaAsyncBefore())
                        .as(task.getId() + " is asynchronous")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void noElementIdLooksGenerated(String file) {
        for (BaseElement element : load(file).getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null) {
                assertThat(element.getId())
                        .as("id")
                        .doesNotMatch(
                                "(?i).*_[0-9a-z]{7}|(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|UserTask|ServiceTask)_?\\d+.*");
            }
        }
    }

    @Test
    void theIdsTheCodeUsesExistInTheModels() throws IllegalAccessException {
        assertIdsExist(ComplaintLifecycle.Activity.class, load(LIFECYCLE));
        assertIdsExist(ComplaintCrisis.Activity.class, load(CRISIS));
        assertIdsExist(com.complaintdesk.channel.failure.DeliveryFailure.Activity.class, load(DELIVERY_FAILURE));
        BpmnModelInstance lifecycle = load(LIFECYCLE);
        BpmnModelInstance crisis = load(CRISIS);
        for (String step : com.complaintdesk.channel.failure.DeliveryFailure.OUTBOUND_STEPS) {
            ServiceTask task = lifecycle.getModelElementById(step) != null
                    ? lifecycle.getModelElementById(step)
                    : crisis.getModelElementById(step);
            assertThat(task).as(step).isNotNull();
            assertThat(OUTSIDE_WORLD).as(step + " talks to a platform").contains(task.getCamundaDelegateExpression());
        }
    }

    @Test
    void noPathAsksForAReviewUpdateTwice() {
        // R4: the request is on no cycle, and only one task sends it
        BpmnModelInstance model = load(LIFECYCLE);
        FlowNode send = model.getModelElementById(ComplaintLifecycle.Activity.SEND_REVIEW_UPDATE_REQUEST);
        assertThat(reachable(send)).doesNotContain(send.getId());
        assertThat(model.getModelElementsByType(ServiceTask.class).stream()
                        .filter(t -> "${sendReviewUpdateRequestDelegate}".equals(t.getCamundaDelegateExpression())))
                .hasSize(1);
    }

    @Test
    void theReviewUpdateIsRequestedOnlyAfterTheCaseIsResolved() {
        // R1, R2: nothing inside the resolution scope (first contact included) asks for it
        BpmnModelInstance model = load(LIFECYCLE);
        SubProcess resolve = model.getModelElementById(ComplaintLifecycle.Activity.RESOLVE_CASE);
        FlowNode send = model.getModelElementById(ComplaintLifecycle.Activity.SEND_REVIEW_UPDATE_REQUEST);
        assertThat(send.getParentElement()).isInstanceOf(Process.class);
        assertThat(reachable(resolve)).contains(send.getId());
    }

    /**
     * P1–P4, P5, X3, and on eBay "never answer a negative feedback without a person": no path from the start of a case
     * reaches {@code Task_PublishReply} without passing {@code Task_DraftReply}, a user task whose form has the four
     * parts of the reply as required fields a person types. Re-tiering (T6), SLA timers and every other way in are
     * part of the graph searched.
     */
    @Test
    void everyPathToPublishingTheReplyPassesThroughTheDraftAPersonWrites_P1toP4() throws IOException {
        BpmnModelInstance model = load(LIFECYCLE);
        Graph graph = Graph.of(model);
        String draft = ComplaintLifecycle.Activity.DRAFT_REPLY;
        String publish = ComplaintLifecycle.Activity.PUBLISH_REPLY;

        assertThat(graph.reachableFromStart(Set.of()))
                .as("publishing is reachable at all")
                .contains(publish);
        assertThat(graph.reachableFromStart(Set.of(draft)))
                .as("reachable without the draft")
                .doesNotContain(publish);

        UserTask drafting = model.getModelElementById(draft);
        assertThat(drafting.getCamundaCandidateGroups()).as("worked by people").isNotBlank();
        JsonNode form = formFields(drafting.getCamundaFormRef());
        for (String part : REPLY_PARTS) {
            assertThat(form.path(part).path("validate").path("required").asBoolean())
                    .as(part + " is required")
                    .isTrue();
            assertThat(form.path(part).path("disabled").asBoolean()
                            || form.path(part).path("readonly").asBoolean())
                    .as(part + " is typed in the draft")
                    .isFalse();
        }
    }

    /**
     * P1–P4, P5, X3: between the person's draft and publishing there is only the red-line check, which every path
     * passes, and the approval, a person who reads the parts but cannot change them; nothing on the way writes a part
     * of the reply, so what is published is what a person wrote.
     */
    @Test
    void betweenTheDraftAndPublishingOnlyTheRedLineCheckAndAPersonsApprovalStandAndNeitherChangesTheText_P1toP4_X3()
            throws IOException {
        BpmnModelInstance model = load(LIFECYCLE);
        Graph graph = Graph.of(model);
        String draft = ComplaintLifecycle.Activity.DRAFT_REPLY;
        String publish = ComplaintLifecycle.Activity.PUBLISH_REPLY;

        Set<String> between = graph.between(draft, publish);
        assertThat(between.stream().filter(id -> !(model.getModelElementById(id) instanceof Gateway)))
                .containsExactlyInAnyOrder(
                        ComplaintLifecycle.Activity.CHECK_REPLY_RED_LINES, ComplaintLifecycle.Activity.APPROVE_REPLY);
        assertThat(graph.reachableFrom(draft, Set.of(ComplaintLifecycle.Activity.CHECK_REPLY_RED_LINES)))
                .as("published without the red-line check")
                .doesNotContain(publish);

        UserTask approval = model.getModelElementById(ComplaintLifecycle.Activity.APPROVE_REPLY);
        JsonNode approvalForm = formFields(approval.getCamundaFormRef());
        for (String part : REPLY_PARTS) {
            assertThat(approvalForm.path(part).path("disabled").asBoolean())
                    .as(part + " is read-only in the approval")
                    .isTrue();
        }
        Set<String> elements = new HashSet<>(between);
        elements.add(draft);
        elements.add(publish);
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (elements.contains(flow.getSource().getId())
                    && elements.contains(flow.getTarget().getId())) {
                elements.add(flow.getId());
            }
        }
        for (String id : elements) {
            if (!id.equals(draft)) {
                assertThat(variablesWritten(model.getModelElementById(id)))
                        .as(id + " writes a part of the reply")
                        .doesNotContainAnyElementsOf(REPLY_PARTS);
            }
        }
    }

    /** P1–P4: eBay takes one reply per feedback; once published, no path leads to a second draft of it. */
    @Test
    void noPathDraftsASecondReplyAfterTheReplyIsPublished_P1toP4() {
        Graph graph = Graph.of(load(LIFECYCLE));

        assertThat(graph.reachableFrom(ComplaintLifecycle.Activity.PUBLISH_REPLY, Set.of()))
                .contains(ComplaintLifecycle.Activity.CLOSE_CASE)
                .doesNotContain(ComplaintLifecycle.Activity.DRAFT_REPLY, ComplaintLifecycle.Activity.PUBLISH_REPLY);
    }

    private static Set<String> reachable(FlowNode from) {
        Set<String> seen = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        from.getOutgoing().forEach(f -> todo.add(f.getTarget()));
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (seen.add(node.getId())) {
                for (SequenceFlow flow : node.getOutgoing()) {
                    todo.add(flow.getTarget());
                }
            }
        }
        return seen;
    }

    static final List<String> REPLY_PARTS = List.of(
            ComplaintLifecycle.Var.REPLY_APOLOGY,
            ComplaintLifecycle.Var.REPLY_CAUSE,
            ComplaintLifecycle.Var.REPLY_SOLUTION,
            ComplaintLifecycle.Var.REPLY_INVITATION);

    /**
     * The ways a token can move in a model, a little more generously than the engine: a sequence flow; into an
     * embedded subprocess at its none start event; out of it from any of its end events; from an activity, or from
     * anything inside it, to each of its boundary events. Every start event of the process and of its event
     * subprocesses is a way in. More moves than the engine makes can only add paths, so a path this graph does not
     * have, the engine does not have either.
     */
    record Graph(Map<String, Set<String>> next, Set<String> starts) {

        static Graph of(BpmnModelInstance model) {
            Map<String, Set<String>> next = new HashMap<>();
            Set<String> starts = new HashSet<>();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                Set<String> targets = next.computeIfAbsent(node.getId(), id -> new HashSet<>());
                node.getOutgoing().forEach(flow -> targets.add(flow.getTarget().getId()));
                ModelElementInstance parent = node.getParentElement();
                if (node instanceof StartEvent
                        && (parent instanceof Process || parent instanceof SubProcess sub && sub.triggeredByEvent())) {
                    starts.add(node.getId());
                }
                if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
                    sub.getChildElementsByType(StartEvent.class).stream()
                            .filter(start -> start.getEventDefinitions().isEmpty())
                            .forEach(start -> targets.add(start.getId()));
                }
                if (node instanceof EndEvent && parent instanceof SubProcess sub && !sub.triggeredByEvent()) {
                    sub.getOutgoing()
                            .forEach(flow -> targets.add(flow.getTarget().getId()));
                }
            }
            for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
                Activity attached = boundary.getAttachedTo();
                next.get(attached.getId()).add(boundary.getId());
                for (FlowNode inside : attached.getChildElementsByType(FlowNode.class)) {
                    descendants(inside).forEach(id -> next.get(id).add(boundary.getId()));
                }
            }
            return new Graph(next, starts);
        }

        private static Set<String> descendants(FlowNode node) {
            Set<String> ids = new HashSet<>(Set.of(node.getId()));
            node.getChildElementsByType(FlowNode.class).forEach(child -> ids.addAll(descendants(child)));
            return ids;
        }

        /** Every node some path from a start reaches without passing any of {@code avoiding}. */
        Set<String> reachableFromStart(Set<String> avoiding) {
            return walk(starts, avoiding, next);
        }

        /** Every node some path from {@code from} reaches, after leaving it, without passing any of {@code avoiding}. */
        Set<String> reachableFrom(String from, Set<String> avoiding) {
            return walk(next.get(from), avoiding, next);
        }

        /** The nodes on some path from {@code from} to {@code to} that passes neither of them on the way. */
        Set<String> between(String from, String to) {
            Map<String, Set<String>> previous = new HashMap<>();
            next.forEach((source, targets) -> targets.forEach(target ->
                    previous.computeIfAbsent(target, id -> new HashSet<>()).add(source)));
            Set<String> after = walk(next.get(from), Set.of(from, to), next);
            Set<String> before = walk(previous.getOrDefault(to, Set.of()), Set.of(from, to), previous);
            after.retainAll(before);
            return after;
        }

        private static Set<String> walk(Set<String> first, Set<String> avoiding, Map<String, Set<String>> edges) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(first);
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (avoiding.contains(id) || !seen.add(id)) {
                    continue;
                }
                todo.addAll(edges.getOrDefault(id, Set.of()));
            }
            return seen;
        }
    }

    /** The variables an element's own mappings and listener expressions write (what delegates write is not in the model). */
    private static Set<String> variablesWritten(BaseElement element) {
        Set<String> written = new HashSet<>();
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return written;
        }
        for (CamundaInputOutput mappings : extensions.getChildElementsByType(CamundaInputOutput.class)) {
            mappings.getCamundaOutputParameters().forEach(output -> written.add(output.getCamundaName()));
        }
        List<String> expressions = new java.util.ArrayList<>();
        extensions
                .getChildElementsByType(CamundaExecutionListener.class)
                .forEach(l -> expressions.add(l.getCamundaExpression()));
        extensions
                .getChildElementsByType(CamundaTaskListener.class)
                .forEach(l -> expressions.add(l.getCamundaExpression()));
        Pattern setVariable = Pattern.compile("setVariable(?:Local)?\\('([^']+)'");
        for (String expression : expressions) {
            if (expression != null) {
                Matcher matcher = setVariable.matcher(expression);
                while (matcher.find()) {
                    written.add(matcher.group(1));
                }
            }
        }
        return written;
    }

    /** The fields of a deployed form, by key (nested groups included). */
    private static JsonNode formFields(String formId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                if (formId.equals(form.path("id").asText())) {
                    com.fasterxml.jackson.databind.node.ObjectNode fields = json.createObjectNode();
                    collectFields(form.path("components"), fields);
                    return fields;
                }
            }
        }
        throw new AssertionError("no form " + formId);
    }

    private static void collectFields(JsonNode components, com.fasterxml.jackson.databind.node.ObjectNode fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                fields.set(component.path("key").asText(), component);
            }
            collectFields(component.path("components"), fields);
        }
    }

    private static void assertIdsExist(Class<?> constants, BpmnModelInstance model) throws IllegalAccessException {
        for (var field : constants.getFields()) {
            if (field.get(null) instanceof String id) {
                assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
            }
        }
    }

    private static BpmnModelInstance load(String resource) {
        try (InputStream in = ComplaintLifecycleModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(p -> p.toString().endsWith(".form"))
                    .map(p -> {
                        try {
                            return json.readTree(p.toFile()).path("id").asText();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
