package com.complaintdesk.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Process owners deploy diagrams, not code (#15): what Camunda Modeler sends to {@code /engine-rest/deployment/create}
 * as the process owner pete is refused with 400 naming the element and the reason when it would run code on the
 * server, nothing of it is stored, and the code it carried never ran. An ordinary diagram is still accepted.
 */
@AppTest
class DeploymentGuardAppTest {

    static final String PROCESS_OWNER = "pete";
    static final String MARKER_PREFIX = "complaintdesk.deploy-marker.";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    final ObjectMapper json = new ObjectMapper();

    /** What the expression payloads do if anything evaluates them: set the system property {@code marker}. */
    static String payload(String marker) {
        return "${''.getClass().forName('java.lang.System').getMethod('setProperty', ''.getClass(), ''.getClass())"
                + ".invoke(null, '" + MARKER_PREFIX + marker + "', 'ran')}";
    }

    /** A refused deployment: its files, the resource and element the answer must name, and a part of the reason. */
    record Refused(String name, Map<String, String> files, String resource, String elementId, String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> refusedDeployments() {
        return Stream.of(
                bpmn(
                        "script-task",
                        "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\">"
                                + "<bpmn:script>java.lang.System.setProperty('" + MARKER_PREFIX
                                + "script-task', 'ran')</bpmn:script>"
                                + "</bpmn:scriptTask>",
                        "Task_Script",
                        "script tasks are not allowed"),
                bpmn(
                        "script-listener",
                        "<bpmn:userTask id=\"Task_Listened\"><bpmn:extensionElements>"
                                + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">"
                                + "System.setProperty('" + MARKER_PREFIX + "script-listener', 'ran')</camunda:script>"
                                + "</camunda:executionListener></bpmn:extensionElements></bpmn:userTask>",
                        "Task_Listened",
                        "scripts"),
                bpmn(
                        "script-input-mapping",
                        "<bpmn:userTask id=\"Task_Mapped\"><bpmn:extensionElements>"
                                + "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">"
                                + "System.setProperty('" + MARKER_PREFIX
                                + "script-input-mapping', 'ran')</camunda:script>"
                                + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>",
                        "Task_Mapped",
                        "scripts"),
                bpmn(
                        "foreign-class",
                        "<bpmn:serviceTask id=\"Task_Foreign\" camunda:class=\"java.lang.Thread\"/>",
                        "Task_Foreign",
                        "java.lang.Thread is not an application class"),
                bpmn(
                        "non-delegate-bean",
                        "<bpmn:serviceTask id=\"Task_NotADelegate\""
                                + " camunda:delegateExpression=\"${slaClockEvents}\"/>",
                        "Task_NotADelegate",
                        "is not an application JavaDelegate"),
                Arguments.of(new Refused(
                        "flow-condition",
                        Map.of(
                                "flow-condition.bpmn",
                                process(
                                        "flow-condition",
                                        "<bpmn:startEvent id=\"Start\"/><bpmn:sequenceFlow id=\"Flow_In\" sourceRef=\"Start\""
                                                + " targetRef=\"Gateway_Amount\"/><bpmn:exclusiveGateway id=\"Gateway_Amount\" default=\"Flow_Else\"/>"
                                                + "<bpmn:sequenceFlow id=\"Flow_Payload\" sourceRef=\"Gateway_Amount\" targetRef=\"Task_Next\">"
                                                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                                                + payload("flow-condition")
                                                + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:userTask id=\"Task_Next\"/>"
                                                + "<bpmn:sequenceFlow id=\"Flow_Else\" sourceRef=\"Gateway_Amount\" targetRef=\"Task_Else\"/>"
                                                + "<bpmn:userTask id=\"Task_Else\"/>")),
                        "flow-condition.bpmn",
                        "Flow_Payload",
                        "is made on something other than execution, task or an application bean")),
                bpmn(
                        "timer",
                        "<bpmn:intermediateCatchEvent id=\"Event_Wait\"><bpmn:timerEventDefinition"
                                + " id=\"Timer_Payload\"><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">"
                                + payload("timer")
                                + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
                        "Timer_Payload",
                        "is made on something other than execution, task or an application bean"),
                bpmn(
                        "service-task-expression",
                        "<bpmn:serviceTask id=\"Task_Expression\" camunda:expression=\""
                                + payload("service-task-expression") + "\"/>",
                        "Task_Expression",
                        "the method call invoke(...) is made on"),
                bpmn(
                        "class-property",
                        "<bpmn:serviceTask id=\"Task_ClassProperty\""
                                + " camunda:expression=\"${execution.class.name}\"/>",
                        "Task_ClassProperty",
                        "the property 'class' is not allowed"),
                bpmn(
                        "unmarked-bean-method",
                        "<bpmn:serviceTask id=\"Task_Unmarked\""
                                + " camunda:expression=\"${choiceLinks.linkLine(execution.getVariables())}\"/>",
                        "Task_Unmarked",
                        "is not a method marked @ProcessExpression"),
                bpmn(
                        "embedded-form",
                        "<bpmn:userTask id=\"Task_EmbeddedForm\""
                                + " camunda:formKey=\"embedded:deployment:steal-session.html\"/>",
                        "Task_EmbeddedForm",
                        "camunda:formKey embedded:deployment:steal-session.html is not allowed"),
                dmn("dmn-juel", "juel", "\"gold\"", "Definitions_Juel"),
                dmn("dmn-javascript", "javascript", "\"gold\"", "Definitions_Javascript"),
                Arguments.of(new Refused(
                        "dmn-feel-external",
                        Map.of(
                                "feel-external.dmn",
                                decision(
                                        "",
                                        "{ f: function(k, v) external {java: {class: \"java.lang.System\", method signature:"
                                                + " \"setProperty(java.lang.String, java.lang.String)\"}}, r: f(\""
                                                + MARKER_PREFIX
                                                + "dmn-feel-external\", \"ran\") }.r")),
                        "feel-external.dmn",
                        "Literal_Value",
                        "external (Java) functions are not allowed")),
                Arguments.of(new Refused(
                        "html-resource",
                        Map.of(
                                "html-resource.bpmn",
                                process("html-resource", "<bpmn:startEvent id=\"Start\"/>"),
                                "steal-session.html",
                                "<script>alert(1)</script>"),
                        "steal-session.html",
                        null,
                        "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDeployments")
    void aDeploymentThatWouldRunCodeIsRefusedWithTheElementAndTheReason(Refused refused) throws Exception {
        ResponseEntity<String> answer = deployAsModelerDoes(PROCESS_OWNER, refused.name(), refused.files());
        tryToRun(refused.name());
        assertThat(System.getProperty(MARKER_PREFIX + refused.name()))
                .as("the payload ran")
                .isNull();

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(answer.getBody());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains(refused.resource()).contains(refused.reason());
        JsonNode errors = body.path("details").path(refused.resource()).path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as(answer.getBody()).isTrue();
        if (refused.elementId() != null) {
            assertThat(errors.findValuesAsText("mainElementId"))
                    .as(answer.getBody())
                    .contains(refused.elementId());
            assertThat(body.path("message").asText()).contains(refused.elementId());
        }
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName(refused.name())
                        .count())
                .isZero();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(refused.name())
                        .count())
                .isZero();
    }

    @Test
    void aDiagramAsModelerMakesItIsAccepted() throws Exception {
        String bpmn = process(
                "modeler-shaped",
                "<bpmn:startEvent id=\"StartEvent_1\"><bpmn:outgoing>Flow_1</bpmn:outgoing>"
                        + "</bpmn:startEvent><bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Activity_Check\"/>"
                        + "<bpmn:userTask id=\"Activity_Check\" name=\"Check amount\" camunda:candidateGroups=\"agents\""
                        + " camunda:dueDate=\"${dateTime()}\"><bpmn:incoming>Flow_1</bpmn:incoming>"
                        + "<bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>"
                        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Activity_Check\" targetRef=\"Gateway_Amount\"/>"
                        + "<bpmn:exclusiveGateway id=\"Gateway_Amount\" default=\"Flow_Small\"/>"
                        + "<bpmn:sequenceFlow id=\"Flow_Large\" sourceRef=\"Gateway_Amount\" targetRef=\"Activity_Record\">"
                        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${amount &gt; 100}</bpmn:conditionExpression>"
                        + "</bpmn:sequenceFlow><bpmn:sequenceFlow id=\"Flow_Small\" sourceRef=\"Gateway_Amount\" targetRef=\"Event_End\"/>"
                        + "<bpmn:serviceTask id=\"Activity_Record\" camunda:delegateExpression=\"${recordClosureDelegate}\"/>"
                        + "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Activity_Record\" targetRef=\"Event_End\"/>"
                        + "<bpmn:endEvent id=\"Event_End\"/>");
        ResponseEntity<String> answer = deployAsModelerDoes(
                PROCESS_OWNER,
                "modeler-shaped",
                Map.of(
                        "modeler-shaped.bpmn",
                        bpmn,
                        "modeler-shaped.form",
                        "{\"components\":[],\"type\":\"default\","
                                + "\"id\":\"modeler-shaped-form\",\"schemaVersion\":16}"));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("modeler-shaped")
                        .count())
                .isOne();
    }

    @Test
    void theJavaApiIsCheckedToo() {
        String bpmn = process(
                "java-api",
                "<bpmn:startEvent id=\"Start_Java\"><bpmn:timerEventDefinition id=\"Timer_Java\">"
                        + "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">" + payload("java-api")
                        + "</bpmn:timeCycle>"
                        + "</bpmn:timerEventDefinition></bpmn:startEvent>");

        assertThatThrownBy(() -> repository
                        .createDeployment()
                        .name("java-api")
                        .addString("java-api.bpmn", bpmn)
                        .deploy())
                .isInstanceOf(DeploymentRefusedException.class)
                .hasMessageContaining("Timer_Java");
        assertThat(repository.createDeploymentQuery().deploymentName("java-api").count())
                .isZero();
        assertThat(System.getProperty(MARKER_PREFIX + "java-api")).isNull();

        // over HTTP QueryGuardFilter already refuses a DOCTYPE; through the Java API the deployment check does
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + process("java-api-doctype", "<bpmn:startEvent id=\"Start\" name=\"&x;\"/>")
                        .substring(38);
        assertThatThrownBy(() -> repository
                        .createDeployment()
                        .name("java-api-doctype")
                        .addString("java-api-doctype.bpmn", doctype)
                        .deploy())
                .isInstanceOf(DeploymentRefusedException.class)
                .hasMessageContaining("a DOCTYPE is not allowed");
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("java-api-doctype")
                        .count())
                .isZero();
    }

    /** The payloads are real: JUEL evaluates them when nothing checks them first. */
    @Test
    void thePayloadRunsWhereNothingChecksIt() {
        String marker = MARKER_PREFIX + "proof";
        try {
            SimpleContext context = new SimpleContext();
            new ExpressionFactoryImpl()
                    .createValueExpression(context, payload("proof"), Object.class)
                    .getValue(context);
            assertThat(System.getProperty(marker)).isEqualTo("ran");
        } finally {
            System.clearProperty(marker);
        }
    }

    /** This engine's FEEL does not run external Java functions either (and a deployment with one is refused). */
    @Test
    void feelExternalFunctionsAreDisabledInTheEngine() {
        String marker = MARKER_PREFIX + "feel-engine";
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        DmnEngine dmn = configuration.getDmnEngine();
        String xml = decision(
                "",
                "{ f: function(k, v) external {java: {class: \"java.lang.System\", method signature:"
                        + " \"setProperty(java.lang.String, java.lang.String)\"}}, r: f(\"" + marker
                        + "\", \"ran\") }.r");
        Object result;
        try {
            result = configuration.getCommandExecutorTxRequired().execute(context -> {
                DmnDecision decision = dmn.parseDecision(
                        "feelExternal", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                return dmn.evaluateDecision(decision, Variables.createVariables())
                        .getSingleEntry();
            });
        } catch (RuntimeException refused) {
            result = "refused: " + refused.getMessage();
        }
        assertThat(String.valueOf(result)).as("FEEL itself refuses it").contains("External functions are disabled");
        assertThat(System.getProperty(marker))
                .as("FEEL ran System.setProperty, result " + result)
                .isNull();
        org.slf4j.LoggerFactory.getLogger(DeploymentGuardAppTest.class)
                .info("FEEL external function in this engine: {}", result);
        assertThat(System.getProperty(marker)).isNull();
    }

    @AfterEach
    void removeDeploymentsAndMarkers() {
        for (String name : Stream.concat(
                        Stream.of("modeler-shaped", "java-api", "java-api-doctype"),
                        refusedDeployments()
                                .map(arguments -> ((Refused) arguments.get()[0]).name()))
                .toList()) {
            repository
                    .createDeploymentQuery()
                    .deploymentName(name)
                    .list()
                    .forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
    }

    // --- what Camunda Modeler sends

    ResponseEntity<String> deployAsModelerDoes(String user, String name, Map<String, String> files) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deploy-changed-only", "true");
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach(
                (file, content) -> parts.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return file;
                    }
                }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, TestDatabase.password())
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    /** If the deployment got through after all, start it, so that the marker shows what it would have done. */
    private void tryToRun(String key) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
            try {
                runtime.startProcessInstanceByKey(key, Variables.putValue("amount", 1));
            } catch (RuntimeException e) {
                // what matters is the marker
            }
        }
    }

    /** A process start, the element (its first element has the given id) and end, connected. */
    static Arguments bpmn(String key, String element, String elementId, String reason) {
        Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(element);
        String first = id.find() ? id.group(1) : elementId;
        String body =
                "<bpmn:startEvent id=\"Start\"/><bpmn:sequenceFlow id=\"Flow_In\" sourceRef=\"Start\" targetRef=\""
                        + first + "\"/>" + element + "<bpmn:sequenceFlow id=\"Flow_Out\" sourceRef=\"" + first
                        + "\" targetRef=\"End\"/><bpmn:endEvent id=\"End\"/>";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", process(key, body));
        return Arguments.of(new Refused(key, files, key + ".bpmn", elementId, reason));
    }

    static Arguments dmn(String key, String language, String output, String elementId) {
        String definitionsId = elementId;
        String xml = decision(" id=\"" + definitionsId + "\" expressionLanguage=\"" + language + "\"", output)
                .replace("id=\"Definitions_Decision\" ", "");
        return Arguments.of(new Refused(
                key, Map.of(key + ".dmn", xml), key + ".dmn", elementId, "only FEEL may be used in a decision"));
    }

    static String process(String key, String elements) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " id=\"Definitions_" + key
                + "\" targetNamespace=\"http://bpmn.io/schema/bpmn\" exporter=\"Camunda Modeler\""
                + " exporterVersion=\"5.31.0\"><bpmn:process id=\"" + key + "\" isExecutable=\"true\""
                + " camunda:historyTimeToLive=\"P1D\">" + elements + "</bpmn:process></bpmn:definitions>";
    }

    static String decision(String definitionsAttributes, String literal) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"Definitions_Decision\" "
                + "name=\"d\" namespace=\"http://camunda.org/schema/1.0/dmn\"" + definitionsAttributes + ">"
                + "<decision id=\"feelExternal\" name=\"d\"><variable id=\"Variable_Value\" name=\"value\"/>"
                + "<literalExpression id=\"Literal_Value\"><text>"
                + literal.replace("&", "&amp;").replace("<", "&lt;") + "</text></literalExpression></decision>"
                + "</definitions>";
    }
}
