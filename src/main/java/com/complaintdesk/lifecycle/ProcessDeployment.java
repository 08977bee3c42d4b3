package com.complaintdesk.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN and DMN under {@code processes/} and every Camunda Form under {@code forms/} as one
 * deployment, so that {@code camunda:formRefBinding="deployment"} always finds the form that belongs to the
 * process version.
 *
 * <p>Resource names are the paths relative to the classpath root ({@code processes/complaint-lifecycle.bpmn},
 * {@code forms/confirm-triage.form}), identical whether the application runs from the jar, from
 * {@code target/classes} or from a test. Duplicate filtering therefore deploys nothing on a restart of the
 * same build, and when one resource changes, all of them are deployed again together (never "changed only",
 * which would split a process from its forms).
 */
@Component
class ProcessDeployment implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "complaint-desk";
    private static final List<String> ROOTS = List.of("processes", "forms");
    private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repository;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ProcessDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DeploymentBuilder builder = repository
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        List<NamedResource> resources = resources();
        for (NamedResource resource : resources) {
            try (InputStream in = resource.resource().getInputStream()) {
                builder.addInputStream(resource.name(), new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource.name(), e);
            }
        }
        long before = repository
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT_NAME)
                .count();
        Deployment deployment = builder.deploy();
        boolean deployedNew = repository
                        .createDeploymentQuery()
                        .deploymentName(DEPLOYMENT_NAME)
                        .count()
                > before;
        log.info(
                "Deployment '{}' with {} resources: {}",
                DEPLOYMENT_NAME,
                resources.size(),
                deployedNew ? "deployed as " + deployment.getId() : "unchanged since " + deployment.getId());
    }

    /** The resources of the one deployment, named by their path below the classpath root. */
    List<NamedResource> resources() {
        List<NamedResource> found = new ArrayList<>();
        try {
            for (String root : ROOTS) {
                for (Resource rootDir : resolver.getResources("classpath*:" + root + "/")) {
                    String rootUrl = rootDir.getURL().toString();
                    for (Resource resource : resolver.getResources(rootUrl + "**/*")) {
                        String url = resource.getURL().toString();
                        if (resource.isReadable() && SUFFIXES.stream().anyMatch(url::endsWith)) {
                            found.add(new NamedResource(root + "/" + url.substring(rootUrl.length()), resource));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the process resources", e);
        }
        found.sort(Comparator.comparing(NamedResource::name));
        return found;
    }

    record NamedResource(String name, Resource resource) {}
}
