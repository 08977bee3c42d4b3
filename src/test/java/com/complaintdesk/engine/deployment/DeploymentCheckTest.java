package com.complaintdesk.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The application's own diagrams, decisions and forms pass the deployment check; a few refusals without Spring. */
class DeploymentCheckTest {

    final DeploymentCheck check =
            new DeploymentCheck(ApplicationBeans.byDefaultName(), DeploymentCheckTest.class.getClassLoader());

    @Test
    void everyResourceOfTheApplicationsOwnDeploymentPasses() throws IOException {
        List<Path> files;
        try (Stream<Path> processes = Files.walk(Path.of("processes"));
                Stream<Path> forms = Files.walk(Path.of("forms"))) {
            files = Stream.concat(processes, forms).filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path file : files) {
            assertThat(check.check(file.toString().replace('\\', '/'), Files.readAllBytes(file)))
                    .as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void refusalsNameTheElement() {
        String bpmn = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\">"
                + "<process id=\"p\"><serviceTask id=\"A\" camunda:class=\"com.complaintdesk.closure.RecordClosureDelegate\"/>"
                + "<serviceTask id=\"B\" camunda:class=\"com.complaintdesk.closure.Retrospectives\"/>"
                + "<serviceTask id=\"C\" activiti:class=\"java.lang.Runtime\"/>"
                + "<sequenceFlow id=\"D\"><conditionExpression language=\"groovy\">true</conditionExpression></sequenceFlow>"
                + "<sequenceFlow id=\"E\"><conditionExpression camunda:resource=\"deployment://x.groovy\"/></sequenceFlow>"
                + "<serviceTask id=\"F\" camunda:type=\"x\"><extensionElements><camunda:connector><camunda:connectorId>"
                + "http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask>"
                + "<userTask id=\"G\" camunda:formKey=\"app:forms/x.html\"/>"
                + "<userTask id=\"H\" camunda:formKey=\"camunda-forms:deployment:x.form\"/>"
                + "<callActivity id=\"I\" camunda:variableMappingClass=\"com.complaintdesk.X\"/>"
                + "<userTask id=\"J\"><extensionElements><camunda:formData><camunda:formField id=\"f\">"
                + "<camunda:validation><camunda:constraint name=\"validator\" config=\"com.x.V\"/></camunda:validation>"
                + "</camunda:formField></camunda:formData></extensionElements></userTask>"
                + "<serviceTask id=\"K\" camunda:delegateExpression=\"${recordClosureDelegate.toString()}\"/>"
                + "<serviceTask id=\"L\" camunda:delegateExpression=\"${processEngine}\"/>"
                + "</process></definitions>";
        List<DeploymentCheck.Finding> findings = check.check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));

        assertThat(findings)
                .extracting(DeploymentCheck.Finding::elementId)
                .containsExactlyInAnyOrder("B", "C", "D", "E", "F", "G", "I", "J", "K", "L");
    }

    @Test
    void decisionsAreFeelWithoutExternalFunctions() {
        String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\">"
                + "<decision id=\"x\"><decisionTable id=\"t\"><input id=\"i\"><inputExpression id=\"ie\""
                + " expressionLanguage=\"groovy\"><text>1</text></inputExpression></input>"
                + "<output id=\"o\"/><rule id=\"r1\"><inputEntry id=\"e1\"><text>\"external\"</text></inputEntry>"
                + "<outputEntry id=\"e2\" expressionLanguage=\"feel\"><text>\"an external supplier\"</text></outputEntry>"
                + "</rule><rule id=\"r2\"><inputEntry id=\"e3\"><text>-</text></inputEntry><outputEntry id=\"e4\">"
                + "<text>function() external {java: {class: \"java.lang.Math\", method signature: \"random()\"}}</text>"
                + "</outputEntry></rule></decisionTable></decision></definitions>";
        assertThat(check.check("x.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .extracting(DeploymentCheck.Finding::elementId)
                .containsExactlyInAnyOrder("ie", "e4");
    }

    @Test
    void onlyDiagramsDecisionsAndFormsMayBeDeployed() {
        for (String name : List.of("x.js", "x.groovy", "x.html", "x.svg", "x.png", "x.cmmn", "x.BPMN", "x.bpmn.html")) {
            assertThat(check.check(name, new byte[0])).as(name).isNotEmpty();
        }
        assertThat(check.check("x.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
