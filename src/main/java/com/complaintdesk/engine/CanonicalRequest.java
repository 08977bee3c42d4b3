package com.complaintdesk.engine;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's path and query as the engine REST API (Jersey) will read them, worked out once so that every check
 * of the {@link EngineGuard} sees the same thing. Whatever two readers could read differently is refused instead of
 * guessed: percent-escaped slashes or backslashes, dot segments, empty segments, path parameters ({@code ;x=y}),
 * control characters, escapes that are not valid UTF-8, and a path the servlet container decoded differently.
 */
record CanonicalRequest(String method, List<String> segments, Map<String, List<String>> query) {

    /** A request the guard cannot read unambiguously: answered 400 with {@link #getMessage()}. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The path after the context path, as segments, decoded; the query's parameters, decoded as Jersey does. */
    static CanonicalRequest of(HttpServletRequest request) throws Unreadable {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        if (!raw.startsWith(request.getServletPath())) {
            // the servlet's own mapping spelt with escapes (/%65ngine-rest): the path cannot be split into it
            throw new Unreadable("The path must spell " + request.getServletPath() + " without percent-escapes");
        }
        List<String> segments = segments(raw);
        String container = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!String.join("/", segments).equals(String.join("/", containerSegments(container)))) {
            throw new Unreadable("The path must be spelt plainly: the server reads '" + container + "' from it");
        }
        return new CanonicalRequest(request.getMethod(), List.copyOf(segments), query(request.getQueryString()));
    }

    String path() {
        return "/" + String.join("/", segments);
    }

    boolean startsWith(String... prefix) {
        if (segments.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!segments.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    List<String> after(int count) {
        return segments.subList(count, segments.size());
    }

    static List<String> segments(String raw) throws Unreadable {
        if (raw.indexOf(';') >= 0) {
            throw new Unreadable("The path must not carry path parameters (';')");
        }
        List<String> segments = new ArrayList<>();
        String[] parts = raw.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean first = i == 0;
            boolean last = i == parts.length - 1;
            if (part.isEmpty()) {
                if (first || last) {
                    continue; // the leading slash, and one trailing slash, which Jersey ignores
                }
                throw new Unreadable("The path must not contain empty segments ('//')");
            }
            String decoded = decode(part, false);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new Unreadable("The path must not contain '.' or '..' segments");
            }
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                throw new Unreadable("The path must not contain escaped slashes or backslashes");
            }
            segments.add(decoded);
        }
        return segments;
    }

    /** The container's own decoded path, which is already split safely: only compared, never trusted alone. */
    private static List<String> containerSegments(String decoded) {
        List<String> segments = new ArrayList<>();
        for (String part : decoded.split("/")) {
            if (!part.isEmpty()) {
                segments.add(part);
            }
        }
        return segments;
    }

    static Map<String, List<String>> query(String query) throws Unreadable {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /**
     * Percent-decoding that refuses what decoders disagree on: a '%' not followed by two hex digits, bytes that are
     * not UTF-8, control characters. In a query, '+' is a space, as Jersey reads it.
     */
    static String decode(String text, boolean query) throws Unreadable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new Unreadable("Malformed percent-escape in '" + printable(text) + "'");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (query && c == '+') {
                bytes.write(' ');
            } else if (c > 0x7f) {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("Percent-escapes that are not UTF-8 in '" + printable(text) + "'");
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                throw new Unreadable("Control characters are not accepted in the path or query");
            }
        }
        return decoded;
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
