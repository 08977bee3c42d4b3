package com.complaintdesk.channel.instagram;

import com.complaintdesk.channel.WebhookBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook for Instagram comments ({@code /webhooks/instagram}, open to unauthenticated callers: Meta proves
 * itself with the verify token in the handshake and with a signature on every delivery).
 * <ul>
 *   <li>{@code GET}: the subscription handshake. {@code hub.mode=subscribe} with the configured
 *       {@code hub.verify_token} is answered 200 with {@code hub.challenge} as plain text; anything else 403.</li>
 *   <li>{@code POST}: a delivery. Its raw body must carry a valid {@code X-Hub-Signature-256}, checked before the
 *       body is parsed; a missing or wrong one is answered 401 (as Meta's own sample app does) and nothing is
 *       stored. A valid delivery is stored, its comments become cases, and it is answered 200; 500 when a change
 *       could not be handled, so that Meta delivers it again.</li>
 * </ul>
 * Without an app secret both answer 503. Sources: "Verification Requests", "Event Notifications" and "Validating
 * Payloads" in https://developers.facebook.com/docs/graph-api/webhooks/getting-started/, and
 * https://developers.facebook.com/docs/instagram-platform/webhooks/ (the sample app:
 * https://github.com/fbsamples/graph-api-webhooks-samples).
 */
@RestController
class InstagramWebhookController {

    static final String PATH = "/webhooks/instagram";
    static final String NOT_CONFIGURED = "Instagram webhook is not configured";
    /** The largest body read (4 MiB, the size the store keeps); Meta batches up to 1000 changes in one delivery. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(InstagramWebhookController.class);

    private final InstagramComments comments;
    private final InstagramProperties settings;
    private final InstagramSignature signature;

    InstagramWebhookController(InstagramComments comments, InstagramProperties settings) {
        this.comments = comments;
        this.settings = settings;
        this.signature = settings.configured() ? new InstagramSignature(settings.appSecret()) : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenNotConfigured() {
        if (signature == null) {
            log.warn(
                    "{}: set COMPLAINTDESK_INSTAGRAM_APP_SECRET (and COMPLAINTDESK_INSTAGRAM_VERIFY_TOKEN) to receive "
                            + "comments; until then {} answers 503",
                    NOT_CONFIGURED,
                    PATH);
        }
    }

    @GetMapping(PATH)
    ResponseEntity<String> verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (signature == null) {
            return notConfigured();
        }
        if (!"subscribe".equals(mode) || challenge == null || !sameToken(verifyToken)) {
            log.warn("Instagram webhook handshake refused (hub.mode={})", mode);
            return plain(HttpStatus.FORBIDDEN, "Verification failed");
        }
        log.info("Instagram webhook subscription verified");
        return plain(HttpStatus.OK, challenge);
    }

    @PostMapping(PATH)
    ResponseEntity<String> deliver(
            HttpServletRequest request,
            @RequestHeader(name = InstagramSignature.HEADER, required = false) String signed)
            throws IOException {
        if (signature == null) {
            return notConfigured();
        }
        byte[] body = WebhookBodies.readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            return plain(HttpStatus.PAYLOAD_TOO_LARGE, "The delivery is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (!signature.matches(body, signed)) {
            log.warn(
                    "Instagram webhook delivery refused: {} {}",
                    InstagramSignature.HEADER,
                    signed == null ? "missing" : "does not match the body");
            return plain(HttpStatus.UNAUTHORIZED, "Invalid " + InstagramSignature.HEADER);
        }
        java.util.Optional<String> refused = WebhookBodies.refusal(body);
        if (refused.isPresent()) {
            return plain(HttpStatus.BAD_REQUEST, refused.get());
        }
        return switch (comments.receive(body)) {
            case PROCESSED, ALREADY_PROCESSED -> plain(HttpStatus.OK, "EVENT_RECEIVED");
            case UNREADABLE -> plain(HttpStatus.BAD_REQUEST, "The delivery is not the JSON Instagram webhooks send");
            case FAILED -> plain(HttpStatus.INTERNAL_SERVER_ERROR, "Stored; not all of it could be handled yet");
        };
    }

    private boolean sameToken(String verifyToken) {
        String configured = settings.verifyToken();
        if (configured == null || configured.isEmpty() || verifyToken == null) {
            return false;
        }
        return MessageDigest.isEqual(
                configured.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> notConfigured() {
        return plain(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
