package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Reading a delivery as documented for the {@code comments} and {@code live_comments} fields
 * (https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram), the comment's language, and the
 * webhook without an app secret.
 */
class InstagramDeliveryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDocumentedCommentsDeliveryIsReadWithEveryCommentField() throws Exception {
        InstagramDelivery delivery = InstagramDelivery.read(
                json.readTree(
                        """
                {"object": "instagram",
                 "entry": [{"id": "17841405309211844", "time": 1547687043,
                            "changes": [{"field": "comments",
                                         "value": {"from": {"id": "232323232", "username": "test"},
                                                   "media": {"id": "123123123", "media_product_type": "FEED"},
                                                   "id": "17865799348089039",
                                                   "parent_id": "1231231234",
                                                   "text": "This is an example."}}]}]}
                """));

        assertThat(delivery.object()).isEqualTo("instagram");
        assertThat(delivery.changes()).singleElement().satisfies(change -> {
            assertThat(change.accountId()).isEqualTo("17841405309211844");
            assertThat(change.sentAt()).isEqualTo(Instant.ofEpochSecond(1547687043));
            assertThat(change.field()).isEqualTo("comments");
            assertThat(change.comment())
                    .isEqualTo(new InstagramDelivery.Comment(
                            "17865799348089039",
                            "This is an example.",
                            "232323232",
                            "test",
                            "123123123",
                            "FEED",
                            "1231231234"));
        });
    }

    @Test
    void liveCommentsAreCommentsAndOtherFieldsCarryNone() throws Exception {
        InstagramDelivery delivery = InstagramDelivery.read(
                json.readTree(
                        """
                {"object": "instagram",
                 "entry": [{"id": "1", "time": 1547687043000,
                            "changes": [{"field": "live_comments", "value": {"id": "2", "text": "hi", "from": {"id": "3", "username": "u"}}},
                                        {"field": "story_insights", "value": {"media_id": "4", "reach": 17}}]}]}
                """));

        assertThat(delivery.changes()).hasSize(2);
        assertThat(delivery.changes().get(0).comment().text()).isEqualTo("hi");
        assertThat(delivery.changes().get(0).sentAt())
                .as("milliseconds are read as such")
                .isEqualTo(Instant.ofEpochSecond(1547687043));
        assertThat(delivery.changes().get(1).field()).isEqualTo("story_insights");
        assertThat(delivery.changes().get(1).comment()).isNull();
    }

    @Test
    void aCommentWithAnyChineseCharacterIsChineseOtherwiseEnglish() {
        assertThat(InstagramComments.language("杯子碎了")).isEqualTo("zh");
        assertThat(InstagramComments.language("Order #123 还没到")).isEqualTo("zh");
        assertThat(InstagramComments.language("The mug arrived broken 😡")).isEqualTo("en");
        assertThat(InstagramComments.language("Très déçu")).isEqualTo("en");
    }

    @Test
    void withoutAnAppSecretTheWebhookAnswers503AndTouchesNothing() throws Exception {
        InstagramComments comments = mock(InstagramComments.class);
        InstagramWebhookController webhook =
                new InstagramWebhookController(comments, new InstagramProperties(null, "token", null));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", InstagramWebhookController.PATH);
        request.setContent("{\"object\":\"instagram\",\"entry\":[]}".getBytes());

        var delivery = webhook.deliver(request, "sha256=00");
        var handshake = webhook.verify("subscribe", "token", "1158201444");

        assertThat(delivery.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(delivery.getBody()).isEqualTo("Instagram webhook is not configured");
        assertThat(handshake.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        verifyNoInteractions(comments);
    }
}
