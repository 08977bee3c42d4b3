package com.complaintdesk.engine;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;

/**
 * Every endpoint of the Camunda engine REST API, read from its JAX-RS annotations (the resources Jersey serves under
 * {@code /engine-rest} and, for the webapps, under {@code /camunda/api/engine/engine/{name}}), so that the
 * {@link EngineGuard} decides on a list nobody has to keep by hand: an endpoint that a new Camunda version adds is
 * known at once, and refused until the {@link EndpointPolicy} names who may call it.
 */
public final class EngineEndpoints {

    /** One endpoint: an HTTP method and a path template such as {@code /task/{}/submit-form} (variables as {}). */
    public record Endpoint(String method, String template) implements Comparable<Endpoint> {

        private static final Comparator<Endpoint> ORDER =
                Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method);

        public List<String> segments() {
            return EngineEndpoints.segments(template);
        }

        @Override
        public int compareTo(Endpoint other) {
            return ORDER.compare(this, other);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final List<Endpoint> ALL = List.copyOf(collect());

    private EngineEndpoints() {}

    /** All endpoints of the engine REST API, relative to the default engine (no {@code /engine/{name}} prefix). */
    public static List<Endpoint> all() {
        return ALL;
    }

    /**
     * The endpoint Jersey serves for this method and canonical path (decoded segments, no trailing slash): among
     * the templates that match, the one with a literal segment where another has a variable, first from the left,
     * as JAX-RS prefers literal characters.
     */
    public static Optional<Endpoint> match(String method, List<String> path) {
        Endpoint best = null;
        for (Endpoint endpoint : ALL) {
            if (!endpoint.method().equals(method)) {
                continue;
            }
            List<String> template = endpoint.segments();
            if (template.size() != path.size() || !matches(template, path)) {
                continue;
            }
            if (best == null || moreLiteral(template, best.segments())) {
                best = endpoint;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether any endpoint has this path, whatever its method. */
    public static boolean knownPath(List<String> path) {
        return ALL.stream().anyMatch(e -> e.segments().size() == path.size() && matches(e.segments(), path));
    }

    private static boolean matches(List<String> template, List<String> path) {
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (!t.equals("{}") && !t.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean moreLiteral(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            boolean aLiteral = !a.get(i).equals("{}");
            boolean bLiteral = !b.get(i).equals("{}");
            if (aLiteral != bLiteral) {
                return aLiteral;
            }
        }
        return false;
    }

    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<Endpoint> collect() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        walk(DefaultProcessEngineRestServiceImpl.class, "", endpoints, 0);
        // the named engines' root: its own methods only (its sub-resources are the default engine's, prefixed)
        for (Method method : NamedProcessEngineRestServiceImpl.class.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod != null && annotation(method, Path.class) == null) {
                endpoints.add(new Endpoint(httpMethod, "/engine"));
            }
        }
        List<Endpoint> sorted = new ArrayList<>(endpoints);
        sorted.sort(null);
        return new LinkedHashSet<>(sorted);
    }

    private static void walk(Class<?> resource, String base, Set<Endpoint> endpoints, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("Sub-resources nested deeper than expected under " + base);
        }
        for (Method method : resource.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Path path = annotation(method, Path.class);
            String httpMethod = httpMethod(method);
            String full = normalise(base + (path == null ? "" : "/" + path.value()));
            if (httpMethod != null) {
                endpoints.add(new Endpoint(httpMethod, full));
            } else if (path != null) {
                walk(method.getReturnType(), full, endpoints, depth + 1);
            }
        }
    }

    /** Collapses slashes and turns every {@code {name}} or {@code {name: regex}} into {@code {}}. */
    private static String normalise(String path) {
        String plain = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        if (plain.length() > 1 && plain.endsWith("/")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain.isEmpty() ? "/" : plain;
    }

    /** An annotation on the method or on the method it implements in a superclass or interface (JAX-RS inheritance). */
    private static <A extends Annotation> A annotation(Method method, Class<A> type) {
        A found = method.getAnnotation(type);
        if (found != null) {
            return found;
        }
        for (Class<?> c = method.getDeclaringClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : supertypes(c)) {
                try {
                    Method inherited = candidate.getMethod(method.getName(), method.getParameterTypes());
                    found = inherited.getAnnotation(type);
                    if (found != null) {
                        return found;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return null;
    }

    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> next = todo.remove(0);
            if (next != null && all.add(next)) {
                todo.add(next.getSuperclass());
                todo.addAll(Arrays.asList(next.getInterfaces()));
            }
        }
        return all;
    }

    private static String httpMethod(Method method) {
        for (Method candidate : overridden(method)) {
            for (Annotation annotation : candidate.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    return http.value();
                }
            }
        }
        return null;
    }

    private static List<Method> overridden(Method method) {
        List<Method> methods = new ArrayList<>(List.of(method));
        for (Class<?> c : supertypes(method.getDeclaringClass())) {
            try {
                methods.add(c.getMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return methods;
    }
}
