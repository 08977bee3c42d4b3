package com.complaintdesk.common;

import java.util.OptionalInt;

/**
 * What a platform's text may hold to be stored as it came: no control character but tab and line breaks (PostgreSQL
 * cannot store a NUL, and none of them is something a customer typed), and no unpaired UTF-16 surrogate (no UTF-8 can
 * carry one: the database would store a {@code ?} or refuse it). JSON lets a sender write both as escapes in a body
 * that is itself clean UTF-8.
 */
public final class PlainText {

    private PlainText() {}

    /** The first code point {@code text} may not hold (a control character or an unpaired surrogate), if any. */
    public static OptionalInt firstUnstorable(String text) {
        return text == null
                ? OptionalInt.empty()
                : text.codePoints().filter(PlainText::unstorable).findFirst();
    }

    /** Why {@code text} cannot be stored as it came, for a message naming the field before it; empty when it can. */
    public static java.util.Optional<String> problem(String text) {
        OptionalInt bad = firstUnstorable(text);
        if (bad.isEmpty()) {
            return java.util.Optional.empty();
        }
        int c = bad.getAsInt();
        return java.util.Optional.of(
                Character.isSurrogate((char) c)
                        ? "must not contain an unpaired surrogate (found U+" + String.format("%04X", c) + ")"
                        : "must not contain control characters (found U+" + String.format("%04X", c) + ")");
    }

    /** {@code text} with every code point it may not hold written as {@code \\uXXXX}, for outcomes and logs. */
    public static String visible(String text) {
        if (text == null || firstUnstorable(text).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (unstorable(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean unstorable(int c) {
        // codePoints() gives an unpaired surrogate as itself; a pair is one supplementary code point
        return (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
