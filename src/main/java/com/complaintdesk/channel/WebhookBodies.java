package com.complaintdesk.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading a webhook's raw body, whose exact bytes a platform signed, without letting it grow without bound. */
public final class WebhookBodies {

    private WebhookBodies() {}

    /** The whole body, or null when it is longer than {@code limit} bytes. */
    public static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The answer's text for a body with a NUL byte. */
    public static final String NUL_REFUSED =
            "The body contains a NUL byte, which no platform sends; nothing was stored";

    /**
     * Why a signed body is refused before it is stored, if it is: a NUL byte, or bytes that are not UTF-8 (every
     * platform sends UTF-8; a lenient parser would read some malformed sequences as other characters).
     */
    public static java.util.Optional<String> refusal(byte[] body) {
        if (com.complaintdesk.common.Utf8.hasNul(body)) {
            return java.util.Optional.of(NUL_REFUSED);
        }
        return com.complaintdesk.common.Utf8.problem(body).map(p -> "The body " + p + "; nothing was stored");
    }
}
