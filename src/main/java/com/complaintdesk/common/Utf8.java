package com.complaintdesk.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8: JSON parsers are lenient with some malformed sequences (Jackson reads the overlong {@code C0 AF} as
 * {@code /}, the classic way past a path filter), so bodies are checked here first.
 */
public final class Utf8 {

    private Utf8() {}

    /** Empty when {@code bytes} are well-formed UTF-8; otherwise what is wrong, for the caller's error message. */
    public static Optional<String> problem(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("is not valid UTF-8 (" + e.getMessage() + ")");
        }
    }

    /**
     * Whether the bytes hold a NUL. JSON and XML do not allow one raw, PostgreSQL cannot store one in text, and leading
     * NULs make a JSON parser take UTF-8 for UTF-16 or UTF-32.
     */
    public static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
