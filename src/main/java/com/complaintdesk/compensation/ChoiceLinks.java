package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.engine.ProcessExpression;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * C2: the signed, expiring link to the customer's choice page. A token is {@code payload.signature}, both
 * base64url: the payload is {@code caseId|offerId|expiresAtEpochSeconds}, the signature its HMAC-SHA256 with the
 * secret of {@link ChoiceLinkSettings}. The offer's id and expiry are fixed when the agent sends the offer
 * ({@link #newOffer}), so a retried sending step builds the same link and the outbox sends it once.
 */
@Component
public class ChoiceLinks {

    private static final Logger log = LoggerFactory.getLogger(ChoiceLinks.class);
    private static final String HMAC = "HmacSHA256";

    /** What a valid token says. */
    public record ChoiceToken(String caseId, String offerId, Instant expiresAt) {}

    /** Why a token is refused. */
    public enum Refusal {
        MALFORMED,
        TAMPERED
    }

    /** A token that was read: either what it says, or why it was refused. */
    public record Reading(ChoiceToken token, Refusal refusal) {
        public boolean valid() {
            return token != null;
        }
    }

    /** Makes the development key when none is configured (one generator, seeded once by the platform). */
    private static final SecureRandom KEYS = new SecureRandom();

    private final ChoiceLinkSettings settings;
    private final byte[] secret;

    public ChoiceLinks(ChoiceLinkSettings settings) {
        this.settings = settings;
        if (settings.linkSecret() == null || settings.linkSecret().isEmpty()) {
            secret = new byte[32];
            KEYS.nextBytes(secret);
            log.warn(
                    "complaintdesk.choice.link-secret (COMPLAINTDESK_CHOICE_LINK_SECRET) is not set: choice links are "
                            + "signed with a key made at start, for development only; links sent before a restart will not work");
        } else {
            secret = settings.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Gives the offer being sent its id and the expiry of its link (execution listener on the flow to
     * Task_SendCompensationOffer). Each offer, also one sent again after a supervisor sent it back, gets a new id,
     * so an earlier offer's link no longer chooses anything.
     */
    @ProcessExpression("Gives the compensation offer being sent a new id and the expiry of its link")
    public void newOffer(DelegateExecution execution) {
        execution.setVariable(Var.CHOICE_OFFER_ID, UUID.randomUUID().toString());
        execution.setVariable(
                Var.CHOICE_LINK_EXPIRES_AT,
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.linkValidFor())));
    }

    /** The link for the offer held in these case variables; empty when the offer has none (sent before the page existed). */
    public Optional<String> link(Map<String, Object> variables) {
        Object caseId = variables.get(Var.CASE_ID);
        Object offerId = variables.get(Var.CHOICE_OFFER_ID);
        Object expiresAt = variables.get(Var.CHOICE_LINK_EXPIRES_AT);
        if (caseId == null || offerId == null || !(expiresAt instanceof Date expiry)) {
            return Optional.empty();
        }
        return Optional.of(settings.publicBaseUrl() + "/choice/"
                + sign(new ChoiceToken(caseId.toString(), offerId.toString(), expiry.toInstant())));
    }

    /**
     * The line the offer and its reminder end with, in the customer's language: the link and how long it works.
     * Empty when the offer has no link.
     */
    public String linkLine(Map<String, Object> variables) {
        return link(variables)
                .map(url -> {
                    Object language = variables.get(Var.LANGUAGE);
                    long days = Math.max(1, settings.linkValidFor().toDays());
                    boolean zh = language != null
                            && language.toString()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .startsWith("zh");
                    return zh
                            ? "\n\n点此选择方案（" + days + " 天内有效，只能使用一次）：" + url
                            : "\n\nChoose here (the link works once, for " + days + " days): " + url;
                })
                .orElse("");
    }

    /**
     * The line an offer about to be sent will end with, for measuring it before it is sent (its own id and expiry are
     * only fixed when the agent submits it; every id and expiry has the same length).
     */
    public String nextLinkLine(Map<String, Object> variables) {
        Map<String, Object> next = new java.util.HashMap<>(variables);
        next.put(Var.CHOICE_OFFER_ID, new UUID(0, 0).toString());
        next.put(
                Var.CHOICE_LINK_EXPIRES_AT,
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.linkValidFor())));
        return linkLine(next);
    }

    public String sign(ChoiceToken token) {
        String payload =
                token.caseId() + "|" + token.offerId() + "|" + token.expiresAt().getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(mac(payload));
    }

    /** Reads a token: refused when it is not of our shape or its signature does not match; expiry is the caller's. */
    public Reading read(String token) {
        if (token == null || token.length() > 512) {
            return new Reading(null, Refusal.MALFORMED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Reading(null, Refusal.MALFORMED);
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Reading(null, Refusal.MALFORMED);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return new Reading(null, Refusal.TAMPERED);
        }
        String[] parts = payload.split("\\|", -1);
        if (parts.length != 3) {
            return new Reading(null, Refusal.MALFORMED);
        }
        try {
            return new Reading(
                    new ChoiceToken(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))), null);
        } catch (NumberFormatException e) {
            return new Reading(null, Refusal.MALFORMED);
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
