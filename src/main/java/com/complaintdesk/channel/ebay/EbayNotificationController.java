package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.WebhookBodies;
import com.complaintdesk.common.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * eBay's Notification API destination for the {@code FEEDBACK_RECEIVED} topic ({@code /webhooks/ebay}, open to
 * unauthenticated callers: eBay proves itself with the challenge and with a signature on every notification).
 * <ul>
 *   <li>{@code GET ?challenge_code=…}: the endpoint challenge. Answered 200 with
 *       {@code {"challengeResponse": hex(SHA-256(challengeCode + verificationToken + endpoint))}} as JSON, the three
 *       hashed in that order ("Subscribing to eBay marketplace account deletion/closure notifications", step
 *       "Respond to eBay's challenge code", https://developer.ebay.com/marketplace-account-deletion; the same
 *       challenge guards every Notification API destination).</li>
 *   <li>{@code POST}: a notification {@code {"metadata": {"topic": "FEEDBACK_RECEIVED", …}, "notification":
 *       {"notificationId", "eventDate", "publishDate", "publishAttemptCount", "data"}}}
 *       (https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/feedback_received.yaml). A missing
 *       or wrong {@code X-EBAY-SIGNATURE} (also one naming a key id eBay does not know) is answered 412 and nothing
 *       is stored; 503 with {@code Retry-After} at once when the key could not be had now (eBay unreachable or slow,
 *       or other notifications fetching keys: {@link EbayNotificationSignature}); a valid one is stored once per
 *       {@code notificationId}, its feedback handled, and answered 204; 500 when it could not be handled, so that
 *       eBay sends it again.</li>
 * </ul>
 * The feedback inside {@code data} is read as the Feedback API's FeedbackDetail; the asyncapi contract names the
 * {@code data} container but its fields were not found in the documentation, see {@link EbayNotifications}.
 * Without the verification token, the endpoint URL and a token for the public keys both answer 503.
 */
@RestController
class EbayNotificationController {

    static final String PATH = "/webhooks/ebay";
    static final String NOT_CONFIGURED = "eBay notifications are not configured";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The 503 of a notification whose key could not be had now: try again after this many seconds. */
    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(EbayNotificationController.class);

    private final EbayNotifications notifications;
    private final EbayNotificationSignature signature;
    private final EbayProperties settings;

    EbayNotificationController(
            EbayNotifications notifications, EbayNotificationSignature signature, EbayProperties settings) {
        this.notifications = notifications;
        this.signature = signature;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenNotConfigured() {
        if (!settings.notificationsConfigured()) {
            log.info(
                    "{}: set COMPLAINTDESK_EBAY_VERIFICATION_TOKEN, COMPLAINTDESK_EBAY_ENDPOINT_URL and "
                            + "COMPLAINTDESK_EBAY_APPLICATION_TOKEN (or _ACCESS_TOKEN) to receive them; until then {} answers 503",
                    NOT_CONFIGURED,
                    PATH);
        }
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> challenge(
            @RequestParam(name = "challenge_code", required = false) String code) {
        if (!settings.notificationsConfigured()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", NOT_CONFIGURED));
        }
        if (code == null || code.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "challenge_code is missing"));
        }
        return ResponseEntity.ok(Map.of(
                "challengeResponse", challengeResponse(code, settings.verificationToken(), settings.endpointUrl())));
    }

    @PostMapping(PATH)
    ResponseEntity<String> deliver(
            HttpServletRequest request,
            @RequestHeader(name = EbayNotificationSignature.HEADER, required = false) String signed)
            throws IOException {
        if (!settings.notificationsConfigured()) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return plain(HttpStatus.PAYLOAD_TOO_LARGE, "The notification is larger than " + MAX_BODY_BYTES + " bytes");
        }
        boolean valid;
        try {
            valid = signature.matches(body, signed);
        } catch (EbayNotificationSignature.KeyNotReady e) {
            // Not waited for (issue #15): answered at once, eBay sends the notification again later
            log.info("eBay notification not checked yet: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("eBay's public key is not available yet; send it again later");
        } catch (ChannelException e) {
            log.warn("eBay notification not checked, eBay's public key is not available: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("eBay's public key is not available; send it again later");
        }
        if (!valid) {
            log.warn(
                    "eBay notification refused: {} {}",
                    EbayNotificationSignature.HEADER,
                    signed == null ? "missing" : "does not match the body");
            return plain(HttpStatus.PRECONDITION_FAILED, "Invalid " + EbayNotificationSignature.HEADER);
        }
        java.util.Optional<String> refused = WebhookBodies.refusal(body);
        if (refused.isPresent()) {
            return plain(HttpStatus.BAD_REQUEST, refused.get());
        }
        return switch (notifications.receive(body)) {
            case PROCESSED, ALREADY_PROCESSED -> ResponseEntity.noContent().build();
            case UNREADABLE -> plain(HttpStatus.BAD_REQUEST, "The notification is not the JSON eBay sends");
            case FAILED -> plain(HttpStatus.INTERNAL_SERVER_ERROR, "Stored; it could not be handled yet");
        };
    }

    /** hex(SHA-256(challengeCode + verificationToken + endpoint)), as eBay computes it. */
    static String challengeResponse(String challengeCode, String verificationToken, String endpoint) {
        return Sha256.hex(challengeCode + verificationToken + endpoint);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
