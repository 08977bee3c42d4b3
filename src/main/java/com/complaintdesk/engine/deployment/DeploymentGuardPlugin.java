package com.complaintdesk.engine.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Installs {@link DeploymentGuard} as the engine's first deployer, with the application context as the beans an
 * expression can reach (the engine's Spring expression manager resolves any bean by name).
 */
@Component
public class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    public DeploymentGuardPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(
                new DeploymentGuard(new DeploymentCheck(this::typeOf, DeploymentGuardPlugin.class.getClassLoader())));
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }

    /** The class of the bean of that name (the class it was written as, not a Spring proxy's). */
    Optional<Class<?>> typeOf(String beanName) {
        if (!context.containsBean(beanName)) {
            return Optional.empty();
        }
        Class<?> type = context.getType(beanName, false);
        return Optional.of(type == null ? Object.class : ClassUtils.getUserClass(type));
    }
}
