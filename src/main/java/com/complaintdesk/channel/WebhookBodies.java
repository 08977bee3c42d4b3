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
}
