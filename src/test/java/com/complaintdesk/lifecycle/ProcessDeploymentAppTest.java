package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class ProcessDeploymentAppTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessDeployment deployment;

    @Test
    void processesAndFormsAreOneDeploymentWithNamesRelativeToTheClasspathRoot() {
        ProcessDefinition definition = latestLifecycle();
        List<String> names = repository.getDeploymentResources(definition.getDeploymentId()).stream()
                .map(Resource::getName)
                .toList();

        assertThat(names).contains("processes/complaint-lifecycle.bpmn");
        assertThat(names).allSatisfy(name -> assertThat(name).matches("(processes|forms)/[^:]+\\.(bpmn|dmn|form)"));
        assertThat(names)
                .containsAll(deployment.resources().stream()
                        .map(ProcessDeployment.NamedResource::name)
                        .toList());
    }

    @Test
    void deployingTheSameBuildAgainCreatesNoNewVersion() {
        long deployments = repository
                .createDeploymentQuery()
                .deploymentName(ProcessDeployment.DEPLOYMENT_NAME)
                .count();
        int version = latestLifecycle().getVersion();

        deployment.afterSingletonsInstantiated();

        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName(ProcessDeployment.DEPLOYMENT_NAME)
                        .count())
                .isEqualTo(deployments);
        assertThat(latestLifecycle().getVersion()).isEqualTo(version);
    }

    @Test
    void everyUserTaskFormOfEveryProcessResolvesInsideItsDeployment() {
        for (String key : List.of(
                ComplaintLifecycle.PROCESS_KEY,
                com.complaintdesk.crisis.ComplaintCrisis.PROCESS_KEY,
                com.complaintdesk.channel.failure.DeliveryFailure.PROCESS_KEY,
                com.complaintdesk.insights.ComplaintInsights.PROCESS_KEY,
                com.complaintdesk.insights.ComplaintInsights.DIGEST_PROCESS_KEY)) {
            everyUserTaskFormResolves(repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .latestVersion()
                    .singleResult());
        }
    }

    private void everyUserTaskFormResolves(ProcessDefinition definition) {
        assertThat(definition).isNotNull();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        List<String> formResources = repository.getDeploymentResources(definition.getDeploymentId()).stream()
                .map(Resource::getName)
                .filter(name -> name.endsWith(".form"))
                .toList();

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef == null) {
                continue;
            }
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(formResources)
                    .as("form '%s' of %s is in the deployment", formRef, task.getId())
                    .anySatisfy(name -> assertThat(formId(definition.getDeploymentId(), name))
                            .isEqualTo(formRef));
        }
    }

    private String formId(String deploymentId, String resourceName) {
        try (var in = repository.getResourceAsStream(deploymentId, resourceName)) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            return json.path("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProcessDefinition latestLifecycle() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .latestVersion()
                .singleResult();
    }
}
