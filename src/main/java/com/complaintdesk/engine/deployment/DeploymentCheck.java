package com.complaintdesk.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a deployment may contain (issue #15, "process owners deploy diagrams, not code"): BPMN diagrams whose
 * expressions stay within {@link ExpressionChecker}'s subset and whose Java is only the application's own delegates
 * and listeners, DMN decisions in FEEL without external functions, and Camunda Forms. No scripts, no connectors, no
 * other classes, no embedded or external forms, no other kinds of resource. Each refusal names the resource, the
 * element (its id, or the nearest enclosing element with an id) and the reason.
 */
public final class DeploymentCheck {

    /** One reason a resource is refused. */
    public record Finding(String resource, String elementId, String reason) {

        @Override
        public String toString() {
            return resource + (elementId == null ? "" : ", element " + elementId) + ": " + reason;
        }
    }

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda's extension namespace, and the Activiti one the engine still reads the same way. */
    static final Set<String> CAMUNDA_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");
    static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");
    static final List<String> FORM_SUFFIXES = List.of(".form");
    static final List<Class<?>> DELEGATE_TYPES =
            List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
    private static final Pattern FEEL_NAMESPACE =
            Pattern.compile("^(?i:feel|https?://www\\.omg\\.org/spec/(FEEL|DMN)/\\d{8}/(FEEL/?)?)$");
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

    private final ProcessBeans beans;
    private final ClassLoader classLoader;
    private final ExpressionChecker expressions;

    public DeploymentCheck(ProcessBeans beans, ClassLoader classLoader) {
        this.beans = beans;
        this.classLoader = classLoader;
        this.expressions = new ExpressionChecker(beans);
    }

    /** The reasons this resource of a deployment is refused; empty if it may be deployed. */
    public List<Finding> check(String resource, byte[] content) {
        List<Finding> findings = new ArrayList<>();
        if (endsWithAny(resource, BPMN_SUFFIXES)) {
            parse(resource, content, findings).ifPresent(document -> checkBpmn(resource, document, findings));
        } else if (endsWithAny(resource, DMN_SUFFIXES)) {
            parse(resource, content, findings).ifPresent(document -> checkDmn(resource, document, findings));
        } else if (!endsWithAny(resource, FORM_SUFFIXES)) {
            findings.add(new Finding(
                    resource,
                    null,
                    "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be"
                            + " deployed, not this kind of resource"));
        }
        return findings;
    }

    // --- BPMN

    private void checkBpmn(String resource, Document document, List<Finding> findings) {
        walk(document.getDocumentElement(), element -> checkBpmnElement(resource, element, findings));
    }

    private void checkBpmnElement(String resource, Element element, List<Finding> findings) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (BPMN_NS.equals(ns) && ("scriptTask".equals(name) || "script".equals(name))) {
            refuse(findings, resource, element, "script tasks are not allowed");
        } else if (camunda(ns) && "script".equals(name)) {
            refuse(findings, resource, element, "scripts (camunda:script in a listener or a mapping) are not allowed");
        } else if (camunda(ns) && "connector".equals(name)) {
            refuse(findings, resource, element, "connectors are not allowed");
        } else if (camunda(ns) && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
            refuse(findings, resource, element, "custom form field validators are not allowed");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkBpmnAttribute(resource, element, (Attr) attributes.item(i), findings);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpression(resource, element, child.getNodeValue(), findings);
            }
        }
    }

    private void checkBpmnAttribute(String resource, Element element, Attr attribute, List<Finding> findings) {
        String ns = attribute.getNamespaceURI();
        String name = attribute.getLocalName();
        String value = attribute.getValue();
        if (ns == null && ("language".equals(name) || "scriptFormat".equals(name)) && !value.isBlank()) {
            refuse(
                    findings,
                    resource,
                    element,
                    "script conditions and scripts (" + name + "=\"" + value + "\") are not allowed");
            return;
        }
        if (!camunda(ns)) {
            checkExpression(resource, element, value, findings);
            return;
        }
        switch (name) {
            case "class" -> checkClass(resource, element, value, findings);
            case "delegateExpression" -> checkDelegateExpression(resource, element, value, findings);
            case "resource" ->
                refuse(findings, resource, element, "scripts from a resource (camunda:resource) are not" + " allowed");
            case "formKey" -> checkFormKey(resource, element, value, findings);
            case "formHandlerClass", "variableMappingClass", "variableMappingDelegateExpression", "scriptFormat" ->
                refuse(findings, resource, element, "camunda:" + name + " is not allowed");
            default -> checkExpression(resource, element, value, findings);
        }
    }

    private void checkExpression(String resource, Element element, String text, List<Finding> findings) {
        for (String reason : expressions.check(text)) {
            refuse(findings, resource, element, reason);
        }
    }

    private void checkClass(String resource, Element element, String className, List<Finding> findings) {
        String name = className.trim();
        if (!name.startsWith(ProcessBeans.APPLICATION_PACKAGE)) {
            refuse(findings, resource, element, "camunda:class " + name + " is not an application class");
            return;
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            refuse(findings, resource, element, "camunda:class " + name + " does not exist");
            return;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !isDelegate(type)) {
            refuse(
                    findings,
                    resource,
                    element,
                    "camunda:class " + name + " is not a JavaDelegate, ExecutionListener" + " or TaskListener");
        }
    }

    private void checkDelegateExpression(String resource, Element element, String value, List<Finding> findings) {
        Matcher matcher = BEAN_REFERENCE.matcher(value);
        if (!matcher.matches()) {
            refuse(
                    findings,
                    resource,
                    element,
                    "camunda:delegateExpression may only name a bean (${beanName}), not " + value);
            return;
        }
        String bean = matcher.group(1);
        Optional<Class<?>> type = beans.typeOf(bean);
        if (type.isEmpty()) {
            refuse(findings, resource, element, "camunda:delegateExpression " + value + " names no bean");
        } else if (!ProcessBeans.isApplicationClass(type.get()) || !isDelegate(type.get())) {
            refuse(
                    findings,
                    resource,
                    element,
                    "camunda:delegateExpression " + value + " is not an application"
                            + " JavaDelegate, ExecutionListener or TaskListener ("
                            + type.get().getName() + ")");
        }
    }

    private void checkFormKey(String resource, Element element, String value, List<Finding> findings) {
        String key = value.trim();
        if (!key.startsWith("camunda-forms:")) {
            refuse(
                    findings,
                    resource,
                    element,
                    "camunda:formKey " + key + " is not allowed: embedded, app and external"
                            + " forms run code in the browser; use a Camunda Form (camunda:formRef or camunda-forms:...)");
        } else {
            checkExpression(resource, element, key, findings);
        }
    }

    private static boolean isDelegate(Class<?> type) {
        return DELEGATE_TYPES.stream().anyMatch(delegate -> delegate.isAssignableFrom(type));
    }

    // --- DMN

    private static void checkDmn(String resource, Document document, List<Finding> findings) {
        walk(document.getDocumentElement(), element -> {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if ("expressionLanguage".equals(attribute.getLocalName())
                        && !FEEL_NAMESPACE.matcher(attribute.getValue().trim()).matches()) {
                    refuse(
                            findings,
                            resource,
                            element,
                            "only FEEL may be used in a decision, not expressionLanguage=\"" + attribute.getValue()
                                    + "\"");
                }
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                        && FEEL_EXTERNAL
                                .matcher(FEEL_STRING
                                        .matcher(child.getNodeValue())
                                        .replaceAll("\"\""))
                                .find()) {
                    refuse(findings, resource, element, "external (Java) functions are not allowed in FEEL");
                }
            }
        });
    }

    // --- XML

    private static Optional<Document> parse(String resource, byte[] content, List<Finding> findings) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            findings.add(new Finding(
                    resource,
                    null,
                    message.toUpperCase(Locale.ROOT).contains("DOCTYPE")
                            ? "a DOCTYPE is not allowed"
                            : "not well-formed XML: " + message));
        } catch (IOException | ParserConfigurationException e) {
            findings.add(new Finding(resource, null, "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static void walk(Element element, java.util.function.Consumer<Element> visitor) {
        visitor.accept(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, visitor);
            }
        }
    }

    private static void refuse(List<Finding> findings, String resource, Element element, String reason) {
        findings.add(new Finding(resource, elementId(element), reason));
    }

    /**
     * The id of the element, or of the nearest enclosing element that has one: of the diagram's own elements, not of
     * Camunda's extensions (a form field's id is no element Modeler can show).
     */
    static String elementId(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.hasAttribute("id") && !camunda(current.getNamespaceURI())) {
                return current.getAttribute("id");
            }
        }
        return null;
    }

    /** Set.of(...).contains(null) throws: attributes without a namespace have none. */
    private static boolean camunda(String namespace) {
        return namespace != null && CAMUNDA_NS.contains(namespace);
    }

    private static boolean endsWithAny(String name, List<String> suffixes) {
        return suffixes.stream().anyMatch(name::endsWith);
    }
}
