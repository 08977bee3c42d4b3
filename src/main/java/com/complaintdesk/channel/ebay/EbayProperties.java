package com.complaintdesk.channel.ebay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The eBay channel's settings ({@code complaintdesk.channels.ebay}); see "eBay" in the README.
 *
 * @param accessToken       the seller's OAuth user access token for the Feedback and Message APIs. Empty: the
 *                          channel is off, the sandbox gateway handles {@code ebay} and the poll does nothing
 *                          (COMPLAINTDESK_EBAY_ACCESS_TOKEN)
 * @param applicationToken  an application (client credentials) token for the Notification API's
 *                          {@code getPublicKey}, which checks each notification's {@code X-EBAY-SIGNATURE}; empty:
 *                          the access token is used (COMPLAINTDESK_EBAY_APPLICATION_TOKEN)
 * @param apiBaseUrl        the API root: {@code https://api.ebay.com}, or {@code https://api.sandbox.ebay.com} for
 *                          eBay's Sandbox (COMPLAINTDESK_EBAY_API_BASE_URL)
 * @param sellerUserId      the seller's eBay user id, whose received feedback the poll reads
 *                          (COMPLAINTDESK_EBAY_SELLER_USER_ID)
 * @param verificationToken the verification token saved with the notification destination; eBay's endpoint
 *                          challenge is answered with it. Empty (or no token at all): {@code /webhooks/ebay}
 *                          answers 503
 *                          (COMPLAINTDESK_EBAY_VERIFICATION_TOKEN)
 * @param endpointUrl       the notification endpoint exactly as saved with eBay (https URL of
 *                          {@code /webhooks/ebay}); part of the challenge hash (COMPLAINTDESK_EBAY_ENDPOINT_URL)
 * @param replyMaxLength    the longest public reply to a feedback: 80 characters, as the Trading API documents for
 *                          {@code RespondToFeedback.ResponseText} (the REST type page says 500; eBay's own page
 *                          keeps 80)
 * @param poll              the scheduled poll of the Feedback API
 * @param publicKeys        how the keys that sign notifications are fetched from getPublicKey
 */
@ConfigurationProperties("complaintdesk.channels.ebay")
record EbayProperties(
        String accessToken,
        String applicationToken,
        @DefaultValue("https://api.ebay.com") String apiBaseUrl,
        String sellerUserId,
        String verificationToken,
        String endpointUrl,
        @DefaultValue("80") int replyMaxLength,
        @DefaultValue Poll poll,
        @DefaultValue PublicKeys publicKeys) {

    /**
     * @param enabled  poll the Feedback API for new NEGATIVE and NEUTRAL feedback (COMPLAINTDESK_EBAY_POLL_ENABLED)
     * @param interval the pause between two polls (ISO-8601, e.g. PT15M)
     * @param pageSize entries per page ({@code limit}); eBay's default is 25
     * @param maxPages pages read per poll at most; older pages were read by earlier polls
     */
    record Poll(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("PT15M") Duration interval,
            @DefaultValue("25") int pageSize,
            @DefaultValue("10") int maxPages) {}

    /**
     * getPublicKey is called for the key id an unauthenticated notification names (issue #15): each answer is kept,
     * a key eBay does not know for a while too, and the calls are short and few, so that made-up key ids neither
     * reach eBay again and again nor hold the threads that serve everyone else. See
     * {@link EbayNotificationSignature}.
     *
     * @param timeout              the longest one getPublicKey call may take to connect, and to answer
     * @param unknownKeyTtl        how long a key id eBay answered "not found" (or with no usable key) for is refused
     *                             without asking again
     * @param maxConcurrentFetches calls to getPublicKey at once on this node at most; a notification that needs
     *                             another one meanwhile is answered 503 at once (eBay sends it again later)
     */
    record PublicKeys(
            @DefaultValue("PT2S") Duration timeout,
            @DefaultValue("PT10M") Duration unknownKeyTtl,
            @DefaultValue("2") int maxConcurrentFetches) {

        static final PublicKeys DEFAULTS = new PublicKeys(Duration.ofSeconds(2), Duration.ofMinutes(10), 2);

        PublicKeys {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("complaintdesk.channels.ebay.public-keys.timeout must be positive");
            }
            if (unknownKeyTtl == null || unknownKeyTtl.isNegative()) {
                throw new IllegalArgumentException(
                        "complaintdesk.channels.ebay.public-keys.unknown-key-ttl must not be negative");
            }
            if (maxConcurrentFetches < 1) {
                throw new IllegalArgumentException(
                        "complaintdesk.channels.ebay.public-keys.max-concurrent-fetches must be 1 or more");
            }
        }
    }

    /** Live only with a seller token from the environment. */
    boolean configured() {
        return accessToken != null && !accessToken.isBlank();
    }

    /**
     * Notifications need the verification token and the endpoint eBay hashes in the challenge, and a token to fetch
     * the public keys their signatures are checked with.
     */
    boolean notificationsConfigured() {
        return present(verificationToken) && present(endpointUrl) && present(publicKeyToken());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    String publicKeyToken() {
        return applicationToken == null || applicationToken.isBlank() ? accessToken : applicationToken;
    }
}
