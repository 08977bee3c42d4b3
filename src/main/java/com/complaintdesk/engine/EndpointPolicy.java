package com.complaintdesk.engine;

import com.complaintdesk.engine.EngineEndpoints.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call each engine REST endpoint: the table in {@code security/engine-endpoints.txt}, one line per endpoint,
 * read once. An endpoint the table does not name is for administrators only (fail closed).
 */
public final class EndpointPolicy {

    static final String RESOURCE = "security/engine-endpoints.txt";

    /** The Camunda group of administrators, who may call every endpoint. */
    public static final String ADMINISTRATORS = "camunda-admin";

    /** The role sets the table uses, by name. */
    public static final Map<String, Set<String>> ROLE_SETS = Map.of(
            "admin", Set.of(ADMINISTRATORS),
            "modelers", Set.of("process-owners", ADMINISTRATORS),
            "supervisors", Set.of("supervisors", ADMINISTRATORS),
            "tasklist", Set.of("agents", "supervisors", "legal", "owners", "product", ADMINISTRATORS),
            "cockpit", Set.of("supervisors", "owners", "process-owners", "auditors", ADMINISTRATORS),
            "readers",
                    Set.of(
                            "agents",
                            "supervisors",
                            "legal",
                            "owners",
                            "process-owners",
                            "auditors",
                            "product",
                            ADMINISTRATORS));

    /** One line of the table. */
    public record Entry(Endpoint endpoint, String roleSet, String why) {
        public Set<String> groups() {
            return ROLE_SETS.get(roleSet);
        }
    }

    private static final Map<Endpoint, Entry> TABLE = load();

    private EndpointPolicy() {}

    /** The table's lines, by endpoint. */
    public static Map<Endpoint, Entry> table() {
        return TABLE;
    }

    /** Whether a caller in these groups may call this endpoint. */
    public static boolean allows(Endpoint endpoint, Collection<String> groups) {
        Entry entry = TABLE.get(endpoint);
        Set<String> allowed = entry == null ? ROLE_SETS.get("admin") : entry.groups();
        return groups.stream().anyMatch(allowed::contains);
    }

    private static Map<Endpoint, Entry> load() {
        Map<Endpoint, Entry> table = new LinkedHashMap<>();
        InputStream in = EndpointPolicy.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String why = "";
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    why = line.substring(hash + 1).trim();
                    line = line.substring(0, hash);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> words = List.of(line.trim().split("\\s+"));
                if (words.size() != 3 || !ROLE_SETS.containsKey(words.get(2))) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected METHOD TEMPLATE ROLES, "
                            + "ROLES one of " + ROLE_SETS.keySet());
                }
                Endpoint endpoint = new Endpoint(words.get(0), words.get(1));
                if (table.put(endpoint, new Entry(endpoint, words.get(2), why)) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": " + endpoint + " is named twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
