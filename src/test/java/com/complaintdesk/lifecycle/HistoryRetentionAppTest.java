package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention of the process history: the seller's time to live (complaintdesk.history.time-to-live, P365D by default)
 * on every process and decision that does not pin its own, Camunda's removal-time-based cleanup in a nightly window.
 */
@AppTest
class HistoryRetentionAppTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryTimeToLive historyTimeToLive;

    @Test
    void theEngineCleansUpHistoryByRemovalTimeInTheConfiguredNightlyWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P365D");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }

    @Test
    void everyShippedProcessAndDecisionKeepsItsHistoryForTheSellersTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .filteredOn(definition -> definition.getKey().startsWith("complaint-")
                        || definition.getKey().equals("delivery-failure"))
                .hasSizeGreaterThanOrEqualTo(3)
                .extracting(ProcessDefinition::getHistoryTimeToLive)
                .containsOnly(365);
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .extracting(DecisionDefinition::getHistoryTimeToLive)
                .containsOnly(365);
    }

    @Test
    void aChangedTimeToLiveReachesTheVersionsDeployedBeforeButNotAModelThatPinsItsOwn() {
        String pinnedKey = "pinned-" + UUID.randomUUID();
        repository
                .createDeployment()
                .name("history-retention-test")
                .addModelInstance(
                        "pinned.bpmn",
                        Bpmn.createExecutableProcess(pinnedKey)
                                .camundaHistoryTimeToLive(3)
                                .startEvent()
                                .endEvent()
                                .done())
                .deploy();
        String lifecycle = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .latestVersion()
                .singleResult()
                .getId();
        try {
            assertThat(historyTimeToLive.apply(30)).isPositive();

            assertThat(repository.getProcessDefinition(lifecycle).getHistoryTimeToLive())
                    .isEqualTo(30);
            assertThat(repository.createDecisionDefinitionQuery().list())
                    .extracting(DecisionDefinition::getHistoryTimeToLive)
                    .containsOnly(30);
            assertThat(repository
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(pinnedKey)
                            .singleResult()
                            .getHistoryTimeToLive())
                    .isEqualTo(3);
            assertThat(historyTimeToLive.apply(30)).isZero();
        } finally {
            historyTimeToLive.apply(365);
        }
        assertThat(repository.getProcessDefinition(lifecycle).getHistoryTimeToLive())
                .isEqualTo(365);
    }
}
