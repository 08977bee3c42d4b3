package com.complaintdesk.channel.instagram;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and as whom Complaint Desk posts on Instagram through the Graph API ({@code complaintdesk.channels.instagram.graph}).
 * The credentials come from the environment only; without both of them Instagram delivery is off and the sandbox
 * delivers Instagram messages.
 *
 * @param baseUrl the Graph API host with its version: {@code https://graph.facebook.com/v21.0} for Facebook Login
 *        for Business, {@code https://graph.instagram.com/v21.0} for Business Login for Instagram
 * @param accessToken the access token ({@code COMPLAINTDESK_INSTAGRAM_ACCESS_TOKEN}), sent as a Bearer header
 * @param accountId the shop's Instagram professional account id ({@code COMPLAINTDESK_INSTAGRAM_ACCOUNT_ID}), which
 *        sends the private replies
 * @param connectTimeout how long to wait for a connection to the Graph API
 * @param readTimeout how long to wait for its answer; longer counts as a failure whose post may have arrived: the
 *        engine's job retries, and looks under the comment before posting again
 */
@ConfigurationProperties("complaintdesk.channels.instagram.graph")
public record InstagramOutboundProperties(
        @DefaultValue("https://graph.facebook.com/v21.0") String baseUrl,
        String accessToken,
        String accountId,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {

    public InstagramOutboundProperties {
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    /** True when both credentials are there, so messages really go to Instagram. */
    public boolean configured() {
        return present(accessToken) && present(accountId);
    }

    /** Why delivery is off, or null when it is on. */
    String missing() {
        if (!present(accessToken)) {
            return "no access token";
        }
        return present(accountId) ? null : "no account id";
    }

    // The record's own toString would print the token into any log or error that shows the settings.
    @Override
    public String toString() {
        return "InstagramOutboundProperties[baseUrl=" + baseUrl + ", accessToken="
                + (present(accessToken) ? "(set)" : "(none)") + ", accountId=" + accountId + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
