package com.complaintdesk.channel.instagram;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=} followed by the lower-case hex HMAC-SHA256 of
 * the request body with the app's App Secret as key ("Validating Payloads" in
 * https://developers.facebook.com/docs/graph-api/webhooks/getting-started/). Meta signs the body exactly as it sends
 * it ("an escaped unicode version of the payload"), so the check runs over the raw bytes received, never over
 * JSON parsed and written again, and compares in constant time.
 */
final class InstagramSignature {

    static final String HEADER = "X-Hub-Signature-256";
    static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    InstagramSignature(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("An app secret is needed to check signatures");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** True when {@code header} is {@code sha256=<hex>} and the hex is the HMAC-SHA256 of exactly these bytes. */
    boolean matches(byte[] body, String header) {
        if (body == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] received;
        try {
            received = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), received);
    }

    /** The header value Meta would send with this body. */
    String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
