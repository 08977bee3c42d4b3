package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** What Modeler users and Tasklist rely on in processes/complaint-lifecycle.bpmn. */
class ComplaintLifecycleModelTest {

    final BpmnModelInstance model = load();

    @Test
    void everyUserTaskHasDocumentationCandidateGroupsAndADeployedForm() throws IOException {
        List<String> formIds = formIds();
        List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(2);
        for (UserTask task : tasks) {
            assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
            assertThat(task.getDocumentations().iterator().next().getTextContent()).as(task.getId()).matches("(?s).*\\b[TPFCRXEA]\\d.*");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(formIds).as("form of " + task.getId()).contains(task.getCamundaFormRef());
        }
    }

    @Test
    void noElementIdLooksGenerated() {
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null) {
                assertThat(element.getId()).as("id").doesNotMatch("(?i).*_[0-9a-z]{7}|(Activity|Event|Gateway|Flow|Task|StartEvent|EndEvent|UserTask|ServiceTask)_?\\d+.*");
            }
        }
    }

    @Test
    void theIdsTheCodeUsesExistInTheModel() throws IllegalAccessException {
        for (var field : ComplaintLifecycle.Activity.class.getFields()) {
            String id = (String) field.get(null);
            assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
        }
    }

    private static BpmnModelInstance load() {
        try (InputStream in = ComplaintLifecycleModelTest.class.getClassLoader()
                .getResourceAsStream("processes/complaint-lifecycle.bpmn")) {
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
