package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.EbayStub;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running application with WireMock standing in for api.ebay.com ({@link EbayStub}). The shared context keeps
 * the eBay gateway and poll off (so other tests' eBay cases go to the sandbox); these tests build them live with
 * {@link #live()} and the context's own beans, and reach the notification endpoint, which is on, over HTTP.
 */
@AppTest
abstract class EbayAppTestBase {

    static final WireMockServer EBAY = EbayStub.SERVER;
    static final String ACCESS_TOKEN = "v^1.1#i^1#test-seller-token";
    /** The test profile's settings (src/test/resources/application-test.yaml). */
    static final String VERIFICATION_TOKEN = "complaint-desk-test-verification-token-0123456789";

    static final String ENDPOINT = "https://desk.example.com/webhooks/ebay";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    /** The seller's settings with a token: the channel live against the stub. */
    static EbayProperties live() {
        return new EbayProperties(
                ACCESS_TOKEN,
                null,
                EbayStub.baseUrl(),
                "the-mug-shop",
                VERIFICATION_TOKEN,
                ENDPOINT,
                80,
                new EbayProperties.Poll(false, Duration.ofMinutes(15), 25, 10),
                EbayProperties.PublicKeys.DEFAULTS);
    }

    EbayApi liveApi() {
        return new EbayApi(live(), json);
    }

    /** The context's own getPublicKey client, warmed up once per test JVM (see {@link #resetEbay}). */
    @Autowired
    EbayApi contextApi;

    private static final AtomicBoolean WARM = new AtomicBoolean();

    @BeforeEach
    void resetEbay() {
        EBAY.resetAll();
        // getPublicKey has two seconds (issue #15); the very first call of a JVM (class loading, WireMock's first
        // request) can take longer on a busy machine, so it is made here, once, and its answer (404) ignored
        if (WARM.compareAndSet(false, true)) {
            try {
                contextApi.publicKey("warm-up");
            } catch (ChannelException expected) {
                // 404 from the stub, or even a timeout: either way the client and the stub are warm now
            }
        }
    }

    static String feedbackId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    /** The case opened for a feedback, as stored. */
    Map<String, Object> caseOf(String feedbackId) {
        return jdbc.sql("SELECT * FROM cd_complaint WHERE channel = 'ebay' AND external_id = :id")
                .param("id", feedbackId)
                .query()
                .singleRow();
    }

    int cases(String feedbackId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'ebay' AND external_id = :id")
                .param("id", feedbackId)
                .query(Integer.class)
                .single();
    }

    /** A FeedbackDetail as getFeedback returns it (fdb:FeedbackDetail, fdb:ProviderUserDetail, fdb:OrderLineItemSummary). */
    static String entry(String feedbackId, String type, String text, String buyer) {
        return """
                {"feedbackId": "%s", "commentType": "%s",
                 "feedbackComment": {"commentText": "%s"},
                 "feedbackEnteredDate": "%s", "eligibleForRevision": true,
                 "providerUserDetail": {"userId": "%s", "role": "BUYER", "feedbackScore": 12},
                 "orderLineItemSummary": {"orderLineItemId": "110553012345-2938475610", "listingId": "110553012345",
                   "listingTitle": "Ceramic mug 350 ml", "listingPrice": {"value": "19.25", "currency": "USD"}}}
                """
                .formatted(
                        feedbackId,
                        type,
                        text,
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(2),
                        buyer);
    }
}
