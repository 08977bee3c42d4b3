package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.complaintdesk.support.AppTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with the eBay channel live against a WireMock stand-in for api.ebay.com. One server and one
 * Spring context serve every eBay test class (the property source is this class's, so the context is shared).
 */
@AppTest
abstract class EbayAppTestBase {

    static final WireMockServer EBAY = new WireMockServer(options().dynamicPort());
    static final String ACCESS_TOKEN = "v^1.1#i^1#test-seller-token";
    static final String VERIFICATION_TOKEN = "complaint-desk-test-verification-token-0123456789";
    static final String ENDPOINT = "https://desk.example.com/webhooks/ebay";

    static {
        EBAY.start();
    }

    @DynamicPropertySource
    static void ebay(DynamicPropertyRegistry properties) {
        properties.add("complaintdesk.channels.ebay.api-base-url", EBAY::baseUrl);
        properties.add("complaintdesk.channels.ebay.access-token", () -> ACCESS_TOKEN);
        properties.add("complaintdesk.channels.ebay.seller-user-id", () -> "the-mug-shop");
        properties.add("complaintdesk.channels.ebay.verification-token", () -> VERIFICATION_TOKEN);
        properties.add("complaintdesk.channels.ebay.endpoint-url", () -> ENDPOINT);
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetEbay() {
        EBAY.resetAll();
    }

    static String feedbackId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    /** The case opened for a feedback, as stored. */
    Map<String, Object> caseOf(String feedbackId) {
        return jdbc.sql("SELECT * FROM cd_complaint WHERE channel = 'ebay' AND external_id = :id")
                .param("id", feedbackId).query().singleRow();
    }

    int cases(String feedbackId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'ebay' AND external_id = :id")
                .param("id", feedbackId).query(Integer.class).single();
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
                """.formatted(feedbackId, type, text, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(2), buyer);
    }
}
