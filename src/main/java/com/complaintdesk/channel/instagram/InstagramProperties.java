package com.complaintdesk.channel.instagram;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Instagram webhook's settings ({@code complaintdesk.channels.instagram}); see "Instagram webhook" in the README.
 *
 * @param appSecret   the Meta app's App Secret: every delivery's {@code X-Hub-Signature-256} is checked with it.
 *                    Empty: the webhook answers 503, since nothing it receives could be trusted
 *                    (COMPLAINTDESK_INSTAGRAM_APP_SECRET)
 * @param verifyToken the Verify Token typed into the App Dashboard's webhook settings; Meta sends it back in the
 *                    subscription handshake. Empty: every handshake is refused (COMPLAINTDESK_INSTAGRAM_VERIFY_TOKEN)
 * @param accountId   the shop's Instagram professional account id: comments from it (the shop's own replies) open
 *                    no case. Comments from the account a delivery is for ({@code entry.id}) are ignored as well
 *                    (COMPLAINTDESK_INSTAGRAM_ACCOUNT_ID)
 */
@ConfigurationProperties("complaintdesk.channels.instagram")
record InstagramProperties(String appSecret, String verifyToken, String accountId) {

    boolean configured() {
        return appSecret != null && !appSecret.isBlank();
    }

    boolean isShop(String instagramId) {
        return instagramId != null && accountId != null && !accountId.isBlank() && instagramId.equals(accountId.trim());
    }
}
