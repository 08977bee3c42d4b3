package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The eBay REST calls the channel makes, with the seller's OAuth token as {@code Authorization: Bearer}. Anything
 * but a 2xx answer, or no answer, is a {@link ChannelException} naming the call and eBay's error message.
 * <ul>
 *   <li>{@code GET /commerce/feedback/v1/feedback}:
 *       https://developer.ebay.com/api-docs/commerce/feedback/resources/feedback/methods/getFeedback (response
 *       {@code feedbackEntries} and {@code pagination}: fdb:GetFeedbackResponse, fdb:Pagination);</li>
 *   <li>{@code POST /commerce/feedback/v1/respond_to_feedback} with {@code feedbackId}, {@code recipientUserId},
 *       {@code responseText}, {@code responseType}:
 *       https://developer.ebay.com/api-docs/commerce/feedback/resources/respond_to_feedback/methods/respondToFeedback
 *       and https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:RespondToFeedbackRequest;</li>
 *   <li>{@code POST /commerce/message/v1/send_message} with {@code otherPartyUsername} and {@code messageText}:
 *       https://developer.ebay.com/api-docs/commerce/message/resources/conversation/methods/sendMessage;</li>
 *   <li>{@code GET /commerce/notification/v1/public_key/{public_key_id}}:
 *       https://developer.ebay.com/api-docs/commerce/notification/resources/public_key/methods/getPublicKey.</li>
 * </ul>
 */
@Component
class EbayApi {

    static final String FEEDBACK = "/commerce/feedback/v1/feedback";
    static final String RESPOND_TO_FEEDBACK = "/commerce/feedback/v1/respond_to_feedback";
    static final String SEND_MESSAGE = "/commerce/message/v1/send_message";
    static final String PUBLIC_KEY = "/commerce/notification/v1/public_key/";
    /** getFeedback's comment-type filter: the complaints among the received feedback. */
    static final String COMPLAINT_FILTER = "commentType:{NEGATIVE|NEUTRAL}";

    private final EbayProperties settings;
    private final ObjectMapper json;
    private final HttpClient http;
    /** For getPublicKey only: notifications wait for it, so it connects and answers within the short timeout. */
    private final HttpClient keys;

    EbayApi(EbayProperties settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.keys = HttpClient.newBuilder()
                .connectTimeout(settings.publicKeys().timeout())
                .build();
    }

    /** One page of the feedback the seller received, NEGATIVE and NEUTRAL only. */
    JsonNode receivedComplaints(int limit, int offset) {
        Map<String, String> query = new LinkedHashMap<>();
        if (settings.sellerUserId() != null && !settings.sellerUserId().isBlank()) {
            query.put("user_id", settings.sellerUserId());
        }
        query.put("feedback_type", "FEEDBACK_RECEIVED");
        query.put("filter", COMPLAINT_FILTER);
        query.put("limit", String.valueOf(limit));
        query.put("offset", String.valueOf(offset));
        String path = FEEDBACK + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return send("getFeedback", HttpRequest.newBuilder(uri(path)).GET(), settings.accessToken());
    }

    /** The one public reply to a feedback ({@code responseType} REPLY). */
    JsonNode respondToFeedback(String feedbackId, String recipientUserId, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedbackId", feedbackId);
        body.put("recipientUserId", recipientUserId);
        body.put("responseText", text);
        body.put("responseType", "REPLY");
        return post("respondToFeedback", RESPOND_TO_FEEDBACK, body);
    }

    /** A message to the buyer in their eBay messages. */
    JsonNode sendMessage(String otherPartyUsername, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("otherPartyUsername", otherPartyUsername);
        body.put("messageText", text);
        return post("sendMessage", SEND_MESSAGE, body);
    }

    /** The public key a notification names in its signature ({@code key}, {@code algorithm}, {@code digest}). */
    JsonNode publicKey(String keyId) {
        return send(
                keys,
                "getPublicKey",
                HttpRequest.newBuilder(uri(PUBLIC_KEY + URLEncoder.encode(keyId, StandardCharsets.UTF_8)))
                        .timeout(settings.publicKeys().timeout())
                        .GET(),
                settings.publicKeyToken());
    }

    private JsonNode post(String call, String path, Map<String, Object> body) {
        try {
            return send(
                    call,
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))),
                    settings.accessToken());
        } catch (IOException e) {
            throw new ChannelException("eBay " + call + ": request not written: " + e.getMessage(), e);
        }
    }

    private JsonNode send(String call, HttpRequest.Builder builder, String token) {
        return send(http, call, builder.timeout(Duration.ofSeconds(30)), token);
    }

    private JsonNode send(HttpClient client, String call, HttpRequest.Builder builder, String token) {
        HttpRequest request = builder.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // Unreachable: nothing was sent. No answer in time: a post may have arrived; the retry looks first.
            String failure = "eBay " + call + " could not be reached or did not answer: " + e.getMessage();
            throw "POST".equals(request.method())
                    ? ChannelException.fromTransport(failure, e)
                    : new ChannelException(failure, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.outcomeUnknown("eBay " + call + " interrupted", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String failure = "eBay " + call + " answered " + response.statusCode() + errors(body);
            throw mayPassLater(response.statusCode())
                    ? new ChannelException(failure)
                    : ChannelException.refused(failure);
        }
        return body;
    }

    /**
     * Whether the same request may succeed later: eBay's 5xx, 408, 429, and 401 (an expired token, renewed without
     * touching the case). Any other 4xx (a reply already given, a text eBay refuses) comes back the same.
     */
    static boolean mayPassLater(int status) {
        return status >= 500 || status == 401 || status == 408 || status == 429;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** eBay's error container: {"errors": [{"errorId": …, "message": "…"}]}. */
    private static String errors(JsonNode body) {
        String messages = java.util.stream.StreamSupport.stream(
                        body.path("errors").spliterator(), false)
                .map(error -> error.path("errorId").asText("?") + " "
                        + error.path("message").asText(""))
                .collect(Collectors.joining("; "));
        return messages.isEmpty() ? "" : ": " + messages;
    }

    private URI uri(String path) {
        String base = settings.apiBaseUrl().endsWith("/")
                ? settings.apiBaseUrl().substring(0, settings.apiBaseUrl().length() - 1)
                : settings.apiBaseUrl();
        return URI.create(base + path);
    }
}
