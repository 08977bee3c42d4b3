package com.complaintdesk.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds triage signals (safety, fraud, quality, …) in a complaint's text by keywords, in English and Chinese.
 * It only reports what the text says; which tier and category follow from the signals is decided by the
 * {@code triage} DMN table (T1–T3), so a process owner can change either without touching the other.
 *
 * <p>The lexicon is {@code triage/signal-keywords.properties} (UTF-8). Latin keywords match case-insensitively
 * on word boundaries; keywords with CJK characters match as substrings. Pure and thread-safe.
 */
public final class KeywordClassifier {

    public static final String DEFAULT_LEXICON = "triage/signal-keywords.properties";

    /** The signals in the order the lexicon lists them, each with its keyword matchers. */
    private final Map<String, List<Keyword>> lexicon;

    public KeywordClassifier(Map<String, List<String>> keywordsBySignal) {
        Map<String, List<Keyword>> compiled = new LinkedHashMap<>();
        keywordsBySignal.forEach((signal, words) ->
                compiled.put(signal, words.stream().map(Keyword::of).toList()));
        this.lexicon = compiled;
    }

    /** The classifier with the lexicon shipped in {@link #DEFAULT_LEXICON}. */
    public static KeywordClassifier withDefaultLexicon() {
        try (InputStream in = KeywordClassifier.class.getClassLoader().getResourceAsStream(DEFAULT_LEXICON)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULT_LEXICON);
            }
            return new KeywordClassifier(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the lexicon format: properties (with line continuations), keywords separated by commas. */
    static Map<String, List<String>> parse(String properties) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        // java.util.Properties loses the order of the lines, which is the reporting order, so read it twice:
        // once for the values (continuations, escapes), once for the order of the keys.
        java.util.Properties values = new java.util.Properties();
        try {
            values.load(new InputStreamReader(
                    new java.io.ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean continuation = false;
        for (String line : properties.split("\\R")) {
            String trimmed = line.strip();
            boolean continues = trimmed.endsWith("\\");
            if (!continuation && !trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                List<String> words = new ArrayList<>();
                for (String word : values.getProperty(key, "").split(",")) {
                    if (!word.isBlank()) {
                        words.add(word.strip());
                    }
                }
                result.put(key, words);
            }
            continuation = continues;
        }
        return result;
    }

    /** The signals found in the text (in lexicon order) and the keywords that matched (in text order per signal). */
    public record Classification(List<String> signals, List<String> matchedKeywords) {

        /** Signals as the process variable holds them: comma-separated, no spaces, e.g. "safety,quality". */
        public String signalsAsText() {
            return String.join(",", signals);
        }

        public String matchedKeywordsAsText() {
            return String.join(", ", matchedKeywords);
        }
    }

    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return new Classification(List.of(), List.of());
        }
        List<String> signals = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        lexicon.forEach((signal, keywords) -> {
            boolean found = false;
            for (Keyword keyword : keywords) {
                if (keyword.foundIn(text)) {
                    found = true;
                    matched.add(keyword.word());
                }
            }
            if (found) {
                signals.add(signal);
            }
        });
        return new Classification(List.copyOf(signals), List.copyOf(matched));
    }

    private record Keyword(String word, Pattern latin) {

        static Keyword of(String word) {
            if (containsCjk(word)) {
                return new Keyword(word, null);
            }
            // \b would treat "don't" oddly and misses non-ASCII letters: use explicit letter/digit look-arounds.
            String pattern = "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])";
            return new Keyword(word, Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }

        boolean foundIn(String text) {
            return latin == null ? text.contains(word) : latin.matcher(text).find();
        }

        private static boolean containsCjk(String word) {
            return word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }
    }

    @Override
    public String toString() {
        return "KeywordClassifier"
                + lexicon.keySet().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
