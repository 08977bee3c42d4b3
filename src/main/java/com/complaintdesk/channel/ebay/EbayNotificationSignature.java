package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code X-EBAY-SIGNATURE} header of a Notification API delivery: Base64 of a JSON object
 * {@code {"alg": "ECDSA", "kid": "<public key id>", "signature": "<Base64 signature>", "digest": "SHA1"}}; the key
 * named by {@code kid} comes from {@code getPublicKey} (PEM in {@code key}, with {@code algorithm} and
 * {@code digest}) and is cached. The signature is checked over the raw body as received. Sources: "Verify the
 * validity of a notification" in https://developer.ebay.com/develop/guides/sell/sell-communications-guide, the
 * {@code X-EBAY-SIGNATURE} header of https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/feedback_received.yaml
 * and https://developer.ebay.com/api-docs/commerce/notification/resources/public_key/methods/getPublicKey.
 */
@Component
class EbayNotificationSignature {

    static final String HEADER = "X-EBAY-SIGNATURE";

    private final EbayApi api;
    private final ObjectMapper json;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    EbayNotificationSignature(EbayApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /**
     * True when the header names a key eBay publishes and its signature matches these bytes.
     *
     * @throws ChannelException when eBay's public key could not be fetched (the delivery is then refused for now)
     */
    boolean matches(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        JsonNode signed;
        byte[] signature;
        try {
            signed = json.readTree(Base64.getDecoder().decode(header.trim()));
            signature = Base64.getDecoder().decode(signed.path("signature").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        String kid = signed.path("kid").asText("");
        if (kid.isEmpty() || signature.length == 0) {
            return false;
        }
        PublicKey key = keys.computeIfAbsent(kid, this::fetch);
        try {
            Signature verifier = Signature.getInstance(algorithm(signed.path("digest").asText("SHA1")));
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private PublicKey fetch(String kid) {
        JsonNode answer = api.publicKey(kid);
        String pem = answer.path("key").asText("");
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ChannelException("eBay public key " + kid + " is not an EC public key", e);
        }
    }

    private static String algorithm(String digest) {
        return switch (digest.toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
            case "SHA256" -> "SHA256withECDSA";
            default -> "SHA1withECDSA";
        };
    }
}
