package com.complaintdesk.engine.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's first deployer: checks every resource of a new deployment with {@link DeploymentCheck} before any
 * other deployer parses it, and refuses the whole deployment if one is refused. It runs inside the deploy command,
 * so a refused deployment is rolled back and nothing of it is stored. Every way of deploying goes through here:
 * the engine REST API (Camunda Modeler), the Java API, and the application's own deployment at start.
 *
 * <p>Deployments already stored are not checked again when the engine loads them into its cache.
 */
public class DeploymentGuard implements Deployer {

    private final DeploymentCheck check;

    public DeploymentGuard(DeploymentCheck check) {
        this.check = check;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Map<String, ResourceEntity> resources = deployment.getResources();
        List<DeploymentCheck.Finding> findings = new ArrayList<>();
        if (resources != null) {
            for (ResourceEntity resource : resources.values()) {
                byte[] bytes = resource.getBytes();
                findings.addAll(check.check(resource.getName(), bytes == null ? new byte[0] : bytes));
            }
        }
        if (!findings.isEmpty()) {
            throw new DeploymentRefusedException(findings);
        }
    }
}
