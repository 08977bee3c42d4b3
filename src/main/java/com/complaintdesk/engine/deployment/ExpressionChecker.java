package com.complaintdesk.engine.deployment;

import com.complaintdesk.engine.ProcessExpression;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether an expression of a deployed diagram ({@code ${...}} or {@code #{...}}, alone or inside text) stays
 * within what process owners may write: variables and beans, literals, comparisons, arithmetic, logic,
 * {@code empty}, {@code ?:}, property access by a literal name, Camunda's functions ({@code now()},
 * {@code dateTime()}, {@code currentUser()}, {@code currentUserGroups()}), the variable methods of {@code execution}
 * and {@code task}, and the {@link ProcessExpression} methods of the application's beans. Everything else, and
 * anything that does not parse, is refused. The check is done on the tree of Camunda's own JUEL parser, so what is
 * checked is what the engine would evaluate.
 */
public final class ExpressionChecker {

    /** The names the engine itself binds in an expression (VariableScopeElResolver). */
    static final Set<String> ENGINE_NAMES =
            Set.of("execution", "task", "externalTask", "caseExecution", "authenticatedUserId");

    /** What may be called on {@code execution} and {@code task}: reading and writing variables, nothing else. */
    static final Set<String> VARIABLE_METHODS = Set.of(
            "getVariable",
            "getVariableLocal",
            "getVariableTyped",
            "getVariableLocalTyped",
            "hasVariable",
            "hasVariableLocal",
            "hasVariables",
            "hasVariablesLocal",
            "getVariables",
            "getVariablesLocal",
            "getVariableNames",
            "getVariableNamesLocal",
            "setVariable",
            "setVariableLocal",
            "removeVariable",
            "removeVariableLocal");

    /** Camunda's expression functions (DateTimeFunctions, CommandContextFunctions). */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /**
     * Property names refused on any object, lower case: the ways from an object to its class, class loader, module
     * or code source (from where reflection starts), to the thread, runtime and process, and to the engine's and
     * Spring's internals (services, configuration, data source, context), which a getter chain would otherwise reach
     * from {@code execution} or a bean; and the names under which a settings bean would hand out a secret.
     */
    static final Set<String> DENIED_PROPERTIES = Set.of(
            "class",
            "classloader",
            "contextclassloader",
            "declaringclass",
            "enclosingclass",
            "componentclass",
            "componenttype",
            "superclass",
            "interfaces",
            "module",
            "unnamedmodule",
            "layer",
            "protectiondomain",
            "codesource",
            "package",
            "definedpackages",
            "classes",
            "constructors",
            "declaredconstructors",
            "methods",
            "declaredmethods",
            "fields",
            "declaredfields",
            "recordcomponents",
            "nesthost",
            "nestmembers",
            "annotations",
            "declaredannotations",
            "targetclass",
            "targetsource",
            "proxiedinterfaces",
            "runtime",
            "thread",
            "currentthread",
            "threadgroup",
            "systemclassloader",
            "platformclassloader",
            "processengine",
            "processengineservices",
            "processengineconfiguration",
            "applicationcontext",
            "beanfactory",
            "autowirecapablebeanfactory",
            "environment",
            "servletcontext",
            "datasource",
            "connection",
            "commandexecutor",
            "commandcontext",
            "expressionmanager",
            "scriptingengines",
            "scriptfactory",
            "elcontext",
            "elresolver",
            "bindings",
            "jdbctemplate",
            "entitymanager",
            "session",
            "sqlsession",
            "sqlsessionfactory",
            "identityservice",
            "managementservice",
            "repositoryservice",
            "runtimeservice",
            "taskservice",
            "historyservice",
            "authorizationservice",
            "filterservice",
            "externaltaskservice",
            "caseservice",
            "formservice",
            "decisionservice",
            "systemproperties",
            "systemenvironment",
            "password",
            "secret",
            "appsecret",
            "clientsecret",
            "linksecret",
            "token",
            "apikey",
            "privatekey",
            "credentials");

    private final ProcessBeans beans;
    private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    public ExpressionChecker(ProcessBeans beans) {
        this.beans = beans;
    }

    /** Whether the text holds an expression at all (anything else is a literal to the engine). */
    public static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** The reasons the text is refused; empty if it is allowed. */
    public List<String> check(String text) {
        List<String> reasons = new ArrayList<>();
        if (!containsExpression(text)) {
            return reasons;
        }
        Node root;
        try {
            root = parser.build(text).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            reasons.add("the expression " + quote(text) + " does not parse (" + e.getMessage() + ")");
            return reasons;
        }
        visit(root, reasons);
        return reasons;
    }

    private void visit(Node node, List<String> reasons) {
        if (node instanceof AstMethod method) {
            checkMethod(method, reasons);
            return;
        }
        if (node instanceof AstDot dot) {
            checkPropertyName(dotName(dot), reasons);
        } else if (node instanceof AstBracket bracket) {
            Node index = bracket.getChild(1);
            if (index instanceof AstString name) {
                checkPropertyName(String.valueOf(name.eval(null, null)), reasons);
            } else if (!(index instanceof AstNumber)) {
                reasons.add("[...] may only hold a string or number literal, not " + index);
            }
        } else if (node instanceof AstIdentifier identifier) {
            checkIdentifier(identifier.getName(), reasons);
        } else if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                reasons.add("the function " + function.getName() + "() is not one of " + sorted(FUNCTIONS));
            }
        } else if (!(node instanceof AstEval
                || node instanceof AstComposite
                || node instanceof AstText
                || node instanceof AstNested
                || node instanceof AstChoice
                || node instanceof AstBinary
                || node instanceof AstUnary
                || node instanceof AstString
                || node instanceof AstNumber
                || node instanceof AstBoolean
                || node instanceof AstNull
                || node instanceof AstParameters)) {
            reasons.add("the construct " + node + " is not allowed in an expression");
            return;
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), reasons);
        }
    }

    private void checkMethod(AstMethod method, List<String> reasons) {
        Node property = method.getChild(0);
        Node parameters = method.getChild(1);
        if (!(property instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier target)) {
            String called = property instanceof AstDot dot ? dotName(dot) + "(...)" : "[...](...)";
            reasons.add("the method call " + called + " is made on something other than execution, task or an"
                    + " application bean (a literal, a variable, or the result of another call or property)");
            for (int i = 0; i < property.getCardinality(); i++) {
                visit(property.getChild(i), reasons);
            }
            visit(parameters, reasons);
            return;
        }
        String name = target.getName();
        String methodName = dotName(dot);
        int arguments = parameters.getCardinality();
        if ("execution".equals(name) || "task".equals(name)) {
            if (!VARIABLE_METHODS.contains(methodName)) {
                reasons.add(name + "." + methodName + "(...) is not allowed; on " + name + " only "
                        + sorted(VARIABLE_METHODS));
            }
        } else {
            Optional<Class<?>> type = beans.typeOf(name);
            if (type.isEmpty()) {
                reasons.add(name + "." + methodName + "(...) calls a method on " + name
                        + ", which is no application bean (methods on variables and literals are not allowed)");
            } else if (!ProcessBeans.isApplicationClass(type.get())) {
                reasons.add("the bean " + name + " (" + type.get().getName() + ") is not an application bean");
            } else if (!markedMethod(type.get(), methodName, arguments)) {
                reasons.add(name + "." + methodName + "(...) is not a method marked @ProcessExpression on "
                        + type.get().getName());
            }
        }
        visit(parameters, reasons);
    }

    /** Every public method of that name that the call could reach carries {@link ProcessExpression}. */
    static boolean markedMethod(Class<?> type, String name, int arguments) {
        boolean found = false;
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(name) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (method.getParameterCount() != arguments && !method.isVarArgs()) {
                continue;
            }
            if (!method.isAnnotationPresent(ProcessExpression.class)) {
                return false;
            }
            found = true;
        }
        return found;
    }

    private void checkIdentifier(String name, List<String> reasons) {
        if (ENGINE_NAMES.contains(name)) {
            return;
        }
        beans.typeOf(name)
                .filter(type -> !ProcessBeans.isApplicationClass(type))
                .ifPresent(type ->
                        reasons.add("the bean " + name + " (" + type.getName() + ") is not an application bean"));
    }

    private static void checkPropertyName(String name, List<String> reasons) {
        if (DENIED_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
            reasons.add("the property " + quote(name) + " is not allowed");
        }
    }

    /** The property name of {@code a.b}: AstDot prints itself as ". b". */
    private static String dotName(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
