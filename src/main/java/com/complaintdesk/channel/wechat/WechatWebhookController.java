package com.complaintdesk.channel.wechat;

import com.complaintdesk.channel.WebhookBodies;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mini program's message push URL ({@code /webhooks/wechat}, open to unauthenticated callers: WeChat proves itself
 * with the {@code signature} over the Token on every request).
 * <ul>
 *   <li>{@code GET}: the server verification. A valid {@code signature} for {@code timestamp} and {@code nonce} is
 *       answered 200 with {@code echostr} as plain text; anything else 403.</li>
 *   <li>{@code POST}: a push, XML or JSON. The query's {@code signature} is checked before the body is read; a
 *       missing or wrong one is answered 401 and nothing is stored. In safe mode ({@code encrypt_type=aes}) the body's
 *       {@code Encrypt} field must also match {@code msg_signature} and decrypt with the EncodingAESKey for this
 *       mini program ({@link WechatCrypto}), else 401 (400 when there is no such field, or no key is configured);
 *       the push inside is then handled like a plain one. A signed push whose {@code timestamp} is more than
 *       {@code max-clock-skew} (five minutes) from now, or whose {@code nonce} came before with another push, is
 *       answered 401 too and nothing is stored ({@link WechatReplayGuard}, issue #15); the same push with the same
 *       nonce again is WeChat's retry and is answered like any repeat. A valid push is stored, a bad review
 *       becomes a case, and the answer is {@code success}, as WeChat expects within five seconds; 500 when it could
 *       not be handled, so that WeChat pushes it again.</li>
 * </ul>
 * Without the channel's settings both answer 503. Sources:
 * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html and
 * https://developers.weixin.qq.com/miniprogram/dev/server/event_push/guarantee/negative.html ("回复 success").
 */
@RestController
class WechatWebhookController {

    static final String PATH = "/webhooks/wechat";
    static final String NOT_CONFIGURED = "WeChat webhook is not configured";
    static final String SUCCESS = "success";
    /** The largest body read; pushes are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WechatWebhookController.class);

    private final WechatReviews reviews;
    private final WechatSettings settings;
    private final WechatReplayGuard replays;
    private final ObjectMapper json;

    WechatWebhookController(
            WechatReviews reviews, WechatSettings settings, WechatReplayGuard replays, ObjectMapper json) {
        this.reviews = reviews;
        this.settings = settings;
        this.replays = replays;
        this.json = json;
    }

    /** The check of the Token in force; null while the channel is off. */
    private WechatSignature wechat() {
        return settings.configured() ? new WechatSignature(settings.current().token()) : null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenNotConfigured() {
        if (!settings.configured()) {
            log.warn(
                    "{}: set COMPLAINTDESK_WECHAT_APP_ID, COMPLAINTDESK_WECHAT_APP_SECRET and COMPLAINTDESK_WECHAT_TOKEN "
                            + "to receive reviews and send through WeChat; until then {} answers 503 and the sandbox takes "
                            + "the wechat channel's messages",
                    NOT_CONFIGURED,
                    PATH);
        }
    }

    @GetMapping(PATH)
    ResponseEntity<String> verify(
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp,
            @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        WechatSignature wechat = wechat();
        if (wechat == null) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED);
        }
        if (echostr == null || !wechat.matches(signature, timestamp, nonce)) {
            log.warn("WeChat server verification refused: signature {}", signature == null ? "missing" : "wrong");
            return plain(HttpStatus.FORBIDDEN, "Verification failed");
        }
        log.info("WeChat message push URL verified");
        return plain(HttpStatus.OK, echostr);
    }

    @PostMapping(PATH)
    ResponseEntity<String> push(
            HttpServletRequest request,
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp,
            @RequestParam(required = false) String nonce,
            @RequestParam(name = "encrypt_type", required = false) String encryptType,
            @RequestParam(name = "msg_signature", required = false) String msgSignature)
            throws IOException {
        WechatSignature wechat = wechat();
        if (wechat == null) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, NOT_CONFIGURED);
        }
        if (!wechat.matches(signature, timestamp, nonce)) {
            log.warn("WeChat push refused: signature {}", signature == null ? "missing" : "does not match");
            return plain(HttpStatus.UNAUTHORIZED, "Invalid signature");
        }
        // The signature covers timestamp and nonce only: without these checks a captured push could be sent again
        if (nonce.length() > WechatReplayGuard.MAX_NONCE) {
            return plain(HttpStatus.BAD_REQUEST, "nonce is longer than " + WechatReplayGuard.MAX_NONCE + " characters");
        }
        Duration maxClockSkew = settings.current().maxClockSkew();
        Optional<String> stale = replays.staleness(timestamp, maxClockSkew);
        if (stale.isPresent()) {
            log.warn("WeChat push refused: {} (a replayed push, or this server's clock is wrong)", stale.get());
            return plain(HttpStatus.UNAUTHORIZED, "Stale push: " + stale.get());
        }
        boolean safeMode = "aes".equals(encryptType);
        if (encryptType != null && !safeMode && !"raw".equals(encryptType)) {
            return plain(HttpStatus.BAD_REQUEST, "encrypt_type must be raw or aes");
        }
        String encodingAesKey = settings.current().encodingAesKey();
        if (safeMode && encodingAesKey == null) {
            log.error(
                    "WeChat push in safe mode refused: set COMPLAINTDESK_WECHAT_ENCODING_AES_KEY to the EncodingAESKey "
                            + "of the message push settings");
            return plain(HttpStatus.BAD_REQUEST, "Safe mode needs the EncodingAESKey configured here");
        }
        byte[] body = WebhookBodies.readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            return plain(HttpStatus.PAYLOAD_TOO_LARGE, "The push is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (safeMode) {
            Optional<String> encrypt = WechatCrypto.encryptField(body, json);
            if (encrypt.isEmpty()) {
                return plain(HttpStatus.BAD_REQUEST, "A safe-mode push carries its message in an Encrypt field");
            }
            try {
                body = new WechatCrypto(
                                settings.current().token(),
                                encodingAesKey,
                                settings.current().appId())
                        .decrypt(msgSignature, timestamp, nonce, encrypt.get());
            } catch (WechatCrypto.Refused refused) {
                log.warn("WeChat safe-mode push refused: {}", refused.getMessage());
                return plain(HttpStatus.UNAUTHORIZED, "Invalid encrypted push: " + refused.getMessage());
            }
        }
        Optional<String> refused = WebhookBodies.refusal(body);
        if (refused.isPresent()) {
            return plain(HttpStatus.BAD_REQUEST, refused.get());
        }
        switch (replays.claim(settings.current().appId(), nonce, timestamp, maxClockSkew, body)) {
            case FIRST -> {}
            case SAME_PUSH_AGAIN -> log.info("WeChat pushed the same push with the same nonce again (its retry)");
            case REPLAYED -> {
                log.warn("WeChat push refused: its nonce came before with another push (a replayed signature)");
                return plain(HttpStatus.UNAUTHORIZED, "Replayed push: this nonce was used before");
            }
        }
        return switch (reviews.receive(body)) {
            case PROCESSED, ALREADY_PROCESSED -> plain(HttpStatus.OK, SUCCESS);
            case UNREADABLE -> plain(HttpStatus.BAD_REQUEST, "The push is neither the XML nor the JSON WeChat sends");
            case FAILED -> plain(HttpStatus.INTERNAL_SERVER_ERROR, "Stored; not handled yet");
        };
    }

    private static ResponseEntity<String> plain(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
