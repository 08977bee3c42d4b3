package com.complaintdesk.compensation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer's choice page (C2).
 *
 * @param linkSecret the HMAC-SHA256 key that signs every choice link (at least 32 characters); empty: a random key
 *     is made at start, which is for development only, as every link sent before a restart stops working then and
 *     every node of a cluster would refuse the others' links
 * @param publicBaseUrl where customers reach this application, e.g. {@code https://desk.example.com}; the link in
 *     the offer is this plus {@code /choice/<token>}
 * @param linkValidFor how long after the offer its link can be used (ISO-8601, e.g. P7D)
 */
@ConfigurationProperties("complaintdesk.choice")
public record ChoiceLinkSettings(
        @DefaultValue("") String linkSecret,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("P7D") Duration linkValidFor) {

    public ChoiceLinkSettings {
        if (linkSecret != null && !linkSecret.isEmpty() && linkSecret.length() < 32) {
            throw new IllegalArgumentException("complaintdesk.choice.link-secret must have at least 32 characters");
        }
        if (linkValidFor == null || linkValidFor.isNegative() || linkValidFor.isZero()) {
            throw new IllegalArgumentException(
                    "complaintdesk.choice.link-valid-for must be positive, not " + linkValidFor);
        }
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }
}
