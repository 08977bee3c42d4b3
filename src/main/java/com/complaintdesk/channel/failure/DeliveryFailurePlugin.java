package com.complaintdesk.channel.failure;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.springframework.stereotype.Component;

/**
 * Installs {@link DeliveryFailureIncidentHandler} as the engine's handler of failed-job incidents, and
 * {@link StopRetryingRefusals} so a refusal that retrying cannot change reaches the agents at once.
 */
@Component
public class DeliveryFailurePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new DeliveryFailureIncidentHandler());
        configuration.setCustomIncidentHandlers(handlers);
        configuration.setFailedJobCommandFactory(new StopRetryingRefusals());
    }
}
