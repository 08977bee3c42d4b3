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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code X-EBAY-SIGNATURE} header of a Notification API delivery: Base64 of a JSON object
 * {@code {"alg": "ECDSA", "kid": "<public key id>", "signature": "<Base64 signature>", "digest": "SHA1"}}; the key
 * named by {@code kid} comes from {@code getPublicKey} (PEM in {@code key}, with {@code algorithm} and
 * {@code digest}). The signature is checked over the raw body as received. Sources: "Verify the
 * validity of a notification" in https://developer.ebay.com/develop/guides/sell/sell-communications-guide, the
 * {@code X-EBAY-SIGNATURE} header of https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/feedback_received.yaml
 * and https://developer.ebay.com/api-docs/commerce/notification/resources/public_key/methods/getPublicKey.
 * <p>
 * Anyone can name any {@code kid}, so the look-up must cost an outsider's requests nothing (issue #15: 200 made-up
 * key ids in 2 s, each fetched while holding a request thread and the cache's lock, slowed every API call to 22 s):
 * <ul>
 *   <li>a key eBay gave is kept for good; a key id eBay answered 4xx for (not found), or with no usable EC key, is
 *       refused without asking again for {@code public-keys.unknown-key-ttl} (ten minutes);</li>
 *   <li>the call is made outside any lock, connects and answers within {@code public-keys.timeout} (two seconds);</li>
 *   <li>at most {@code public-keys.max-concurrent-fetches} (two) calls run at once, and one per key id: a
 *       notification that would need another call meanwhile is not held waiting, it is answered at once with
 *       {@link KeyNotReady} (503), and eBay sends it again later;</li>
 *   <li>a failure that may pass (eBay unreachable, slow, 5xx) is remembered for nothing: the next notification asks
 *       again, within the same bounds.</li>
 * </ul>
 */
@Component
class EbayNotificationSignature {

    static final String HEADER = "X-EBAY-SIGNATURE";
    /** The longest key id looked up; eBay's are UUIDs. A longer one is a wrong signature, never a call to eBay. */
    static final int MAX_KID = 128;
    /** Key ids remembered as unknown at most; past this the memory is emptied of expired entries, or entirely. */
    static final int MAX_UNKNOWN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(EbayNotificationSignature.class);

    private final EbayApi api;
    private final ObjectMapper json;
    private final EbayProperties.PublicKeys settings;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    /** Key ids eBay does not know, with the {@link System#nanoTime()} until which that is believed. */
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    /** Key ids being fetched right now, by whichever request fetches them. */
    private final Set<String> fetching = ConcurrentHashMap.newKeySet();

    private final Semaphore fetches;

    EbayNotificationSignature(EbayApi api, ObjectMapper json, EbayProperties properties) {
        this.api = api;
        this.json = json;
        this.settings = properties.publicKeys();
        this.fetches = new Semaphore(settings.maxConcurrentFetches());
    }

    /** eBay's public key could not be had for now; the notification is refused with a status eBay retries. */
    static class KeyNotReady extends ChannelException {
        KeyNotReady(String message) {
            super(message);
        }
    }

    /**
     * True when the header names a key eBay publishes and its signature matches these bytes.
     *
     * @throws KeyNotReady       when the key is being fetched by another request, or too many are fetched at once
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
        if (kid.isEmpty() || kid.length() > MAX_KID || signature.length == 0) {
            return false;
        }
        PublicKey key = key(kid);
        if (key == null) {
            return false;
        }
        try {
            Signature verifier =
                    Signature.getInstance(algorithm(signed.path("digest").asText("SHA1")));
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key named {@code kid}; null when eBay does not know it (lately). */
    private PublicKey key(String kid) {
        Known known = cached(kid);
        if (known != null) {
            return known.key();
        }
        if (!fetching.add(kid)) {
            throw new KeyNotReady("eBay public key " + kid + " is being fetched by another request");
        }
        try {
            // A fetch that ended between the look-up above and claiming the key id has left its answer here
            known = cached(kid);
            if (known != null) {
                return known.key();
            }
            if (!fetches.tryAcquire()) {
                throw new KeyNotReady("already " + settings.maxConcurrentFetches() + " eBay public keys being fetched");
            }
            try {
                return fetch(kid);
            } finally {
                fetches.release();
            }
        } finally {
            fetching.remove(kid);
        }
    }

    /** What this node knows about a key id: its key, or (null key) that eBay does not know it. */
    private record Known(PublicKey key) {}

    private static final Known UNKNOWN = new Known(null);

    /** What is known about {@code kid}; null when nothing is (then only eBay can tell). */
    private Known cached(String kid) {
        PublicKey key = keys.get(kid);
        if (key != null) {
            return new Known(key);
        }
        Long until = unknown.get(kid);
        if (until != null) {
            if (System.nanoTime() - until < 0) {
                return UNKNOWN;
            }
            unknown.remove(kid, until);
        }
        return null;
    }

    private PublicKey fetch(String kid) {
        JsonNode answer;
        try {
            answer = api.publicKey(kid);
        } catch (ChannelException e) {
            if (e.refused()) {
                // eBay's 4xx other than 401, 408, 429: it does not know the key id (or refuses the request as such)
                rememberUnknown(kid, e.getMessage());
                return null;
            }
            throw e;
        }
        String pem = answer.path("key").asText("");
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            keys.put(kid, key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            rememberUnknown(kid, "eBay public key " + kid + " is not an EC public key");
            return null;
        }
    }

    private void rememberUnknown(String kid, String why) {
        if (unknown.size() >= MAX_UNKNOWN) {
            long now = System.nanoTime();
            unknown.values().removeIf(until -> now - until >= 0);
            if (unknown.size() >= MAX_UNKNOWN) {
                unknown.clear();
            }
        }
        unknown.put(kid, System.nanoTime() + settings.unknownKeyTtl().toNanos());
        log.info(
                "eBay public key {} not found ({}); notifications naming it are refused for {}",
                kid,
                why,
                settings.unknownKeyTtl());
    }

    private static String algorithm(String digest) {
        return switch (digest.toUpperCase(java.util.Locale.ROOT).replace("-", "")) {
            case "SHA256" -> "SHA256withECDSA";
            default -> "SHA1withECDSA";
        };
    }
}
