package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.crisis.ComplaintCrisis;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What Modeler users, Tasklist and auditors rely on in the BPMN files under processes/. */
class ComplaintLifecycleModelTest {

    static final String LIFECYCLE = "processes/complaint-lifecycle.bpmn";
    static final String CRISIS = "processes/complaint-crisis.bpmn";
    static final String DELIVERY_FAILURE = "processes/delivery-failure.bpmn";

    /** Delegates that talk to the outside world (the channel port): they must run as jobs, after a commit. */
    static final Set<String> OUTSIDE_WORLD = Set.of("${publishReplyDelegate}", "${sendFollowUpMessageDelegate}",
            "${sendCompensationOfferDelegate}", "${sendChoiceReminderDelegate}", "${executeCompensationDelegate}",
            "${sendReviewUpdateRequestDelegate}", "${pauseListingDelegate}", "${preserveEvidenceDelegate}",
            "${publishStatementDelegate}");

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void everyUserTaskHasDocumentationNamingItsRulesCandidateGroupsAndADeployedForm(String file) throws IOException {
        List<String> formIds = formIds();
        List<UserTask> tasks = List.copyOf(load(file).getModelElementsByType(UserTask.class));
        assertThat(tasks).isNotEmpty();
        for (UserTask task : tasks) {
            assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
            assertThat(task.getDocumentations().iterator().next().getTextContent()).as(task.getId()).matches("(?s).*\\b[TPFCRXEA]\\d.*");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(formIds).as("form of " + task.getId()).contains(task.getCamundaFormRef());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void everyProcessLeavesItsHistoryTimeToLiveToTheSellersDefaultAndCallsTheOutsideWorldOnlyAsynchronously(String file) {
        BpmnModelInstance model = load(file);
        for (Process process : model.getModelElementsByType(Process.class)) {
            // complaintdesk.history.time-to-live applies only to a process that does not pin its own
            assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNull();
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (OUTSIDE_WORLD.contains(task.getCamundaDelegateExpression())) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " is asynchronous").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LIFECYCLE, CRISIS, DELIVERY_FAILURE})
    void noElementIdLooksGenerated(String file) {
        for (BaseElement element : load(file).getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null) {
                assertThat(element.getId()).as("id").doesNotMatch("(?i).*_[0-9a-z]{7}|(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|UserTask|ServiceTask)_?\\d+.*");
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
            ServiceTask task = lifecycle.getModelElementById(step) != null ? lifecycle.getModelElementById(step)
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
                .filter(t -> "${sendReviewUpdateRequestDelegate}".equals(t.getCamundaDelegateExpression()))).hasSize(1);
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
            return files.filter(p -> p.toString().endsWith(".form")).map(p -> {
                try {
                    return json.readTree(p.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
