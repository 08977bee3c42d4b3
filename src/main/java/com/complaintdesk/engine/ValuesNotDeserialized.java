package com.complaintdesk.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine API request whose variables the engine returns as stored, never rebuilt into Java objects: the query
 * says {@code deserializeValue=false} and {@code deserializeValues=false} whatever the caller sent (the engine REST
 * API's switches for single variables and lists). A value of an object type comes back as its serialized text.
 */
final class ValuesNotDeserialized extends HttpServletRequestWrapper {

    static final String FORCED = "deserializeValue=false&deserializeValues=false";

    private final String query;

    ValuesNotDeserialized(HttpServletRequest request) {
        super(request);
        String original = request.getQueryString();
        String kept = original == null
                ? ""
                : Arrays.stream(original.split("&"))
                        .filter(pair -> !pair.isEmpty())
                        .filter(pair -> {
                            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                            return !name.equals("deserializeValue") && !name.equals("deserializeValues");
                        })
                        .collect(Collectors.joining("&"));
        this.query = kept.isEmpty() ? FORCED : kept + "&" + FORCED;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getParameter(String name) {
        return isForced(name) ? "false" : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
        return isForced(name) ? new String[] {"false"} : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
        parameters.put("deserializeValue", new String[] {"false"});
        parameters.put("deserializeValues", new String[] {"false"});
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    private static boolean isForced(String name) {
        return "deserializeValue".equals(name) || "deserializeValues".equals(name);
    }
}
