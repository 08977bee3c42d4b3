package com.complaintdesk.lifecycle;

import java.util.Objects;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the seller's history time to live ({@link HistorySettings}) on every deployed process and decision that does
 * not set its own in Modeler. The engine gives new deployments that default by itself; this also moves the versions
 * deployed before, whose value the engine stored when they were deployed, so a changed setting applies from the next
 * start. Cases that ended before keep the removal time they were given when they ended.
 */
@Component
class HistoryTimeToLive {

    private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

    private final RepositoryService repository;
    private final HistorySettings settings;

    HistoryTimeToLive(RepositoryService repository, HistorySettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyAtStart() {
        int days = settings.timeToLiveDays();
        int changed = apply(days);
        if (changed > 0) {
            log.info("History time to live of {} process and decision versions set to {} days", changed, days);
        }
    }

    /** Sets {@code days} on every version that has another value and no value of its own in its model; how many. */
    int apply(int days) {
        int changed = 0;
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days) && ownValue(definition) == null) {
                changed += update(
                        definition.getId(),
                        () -> repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days));
            }
        }
        for (DecisionDefinition definition :
                repository.createDecisionDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days) && ownValue(definition) == null) {
                changed += update(
                        definition.getId(),
                        () -> repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days));
            }
        }
        return changed;
    }

    private String ownValue(ProcessDefinition definition) {
        Process process = repository.getBpmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
        return process == null ? null : process.getCamundaHistoryTimeToLiveString();
    }

    private String ownValue(DecisionDefinition definition) {
        Decision decision = repository.getDmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
        return decision == null ? null : decision.getCamundaHistoryTimeToLiveString();
    }

    private static int update(String definitionId, Runnable update) {
        try {
            update.run();
            return 1;
        } catch (OptimisticLockingException e) {
            // Another node starting at the same time set it.
            log.debug("History time to live of {} was set by another node", definitionId);
            return 0;
        }
    }
}
