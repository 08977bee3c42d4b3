package com.complaintdesk.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of running the {@code red-lines} decision over a text (X3, P5): which phrases matched, and whether
 * any blocks publication or only warns (then legal reviews it). Pure.
 */
public record RedLineCheck(List<Hit> hits) {

    /** One matched row of the table. */
    public record Hit(String phrase, String reason, String action) {}

    public static RedLineCheck of(List<Map<String, Object>> decisionResult) {
        List<Hit> hits = new ArrayList<>();
        for (Map<String, Object> row : decisionResult) {
            hits.add(new Hit(
                    String.valueOf(row.get("phrase")),
                    String.valueOf(row.get("reason")),
                    String.valueOf(row.get("action")).toLowerCase(Locale.ROOT)));
        }
        return new RedLineCheck(List.copyOf(hits));
    }

    public boolean blocked() {
        return hits.stream().anyMatch(h -> "block".equals(h.action()));
    }

    public boolean warned() {
        return hits.stream().anyMatch(h -> !"block".equals(h.action()));
    }

    /** One line per hit, blocking ones first, for the form: what to change and why. */
    public String reasons() {
        StringBuilder text = new StringBuilder();
        hits.stream()
                .sorted((a, b) -> Boolean.compare(!"block".equals(a.action()), !"block".equals(b.action())))
                .forEach(h -> text.append("block".equals(h.action()) ? "BLOCKED / 禁止: " : "WARNING / 提醒: ")
                        .append('"')
                        .append(h.phrase())
                        .append("\" — ")
                        .append(h.reason())
                        .append('\n'));
        return text.toString().strip();
    }

    /** What the decision is given: the text lower-cased, so rows match whatever the case. */
    public static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
