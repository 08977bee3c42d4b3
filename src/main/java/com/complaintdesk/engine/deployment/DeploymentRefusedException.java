package com.complaintdesk.engine.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused by {@link DeploymentGuard}. It is a {@link ParseException} with one report per refused
 * resource, so the engine REST API answers 400 with {@code details} naming each resource and element, which Camunda
 * Modeler shows next to the diagram.
 */
public class DeploymentRefusedException extends ParseException {

    private static final long serialVersionUID = 1L;

    private final transient List<DeploymentCheck.Finding> findings;

    public DeploymentRefusedException(List<DeploymentCheck.Finding> findings) {
        super(message(findings), findings.get(0).resource(), List.of(), List.of());
        this.findings = List.copyOf(findings);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (DeploymentCheck.Finding finding : findings) {
            byResource
                    .computeIfAbsent(finding.resource(), r -> new ArrayList<>())
                    .add(new DeploymentProblem(finding.reason(), finding.elementId()));
        }
        List<ResourceReport> reports = new ArrayList<>();
        byResource.forEach((resource, problems) -> reports.add(new ResourceReportImpl(resource, problems, List.of())));
        this.resorceReports = reports;
    }

    public List<DeploymentCheck.Finding> getFindings() {
        return findings;
    }

    private static String message(List<DeploymentCheck.Finding> findings) {
        return "The deployment is refused: a deployment may hold diagrams, decisions and forms, but no code that runs on"
                + " the server. "
                + findings.stream().map(DeploymentCheck.Finding::toString).collect(Collectors.joining("; "));
    }
}
