package com.complaintdesk.channel.instagram;

import com.complaintdesk.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The two Instagram Graph API calls Complaint Desk makes, in the shapes Meta documents:
 * <ul>
 *   <li>a public reply under a comment, {@code POST /{ig-comment-id}/replies?message=…} answered with
 *       {@code {"id": …}} (<a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies">IG
 *       Comment Replies</a>);</li>
 *   <li>the private reply to the person who commented, {@code POST /{ig-account-id}/messages} with
 *       {@code {"recipient":{"comment_id":…},"message":{"text":…}}}
 *       (<a href="https://developers.facebook.com/docs/instagram-platform/private-replies">Send a Private Reply to a
 *       Commenter</a>), answered like every message send with {@code {"recipient_id": …, "message_id": …}}
 *       (<a href="https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message">Send a
 *       Message</a>).</li>
 * </ul>
 * The access token goes in an {@code Authorization: Bearer} header, as the private-replies guide shows, so it never
 * appears in a URL. A refusal answers with the Graph error object
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}
 * (<a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Handling Errors</a>); every failure
 * becomes a {@link ChannelException} whose message says what Instagram said.
 */
public class InstagramGraphClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final String readTimeout;

    InstagramGraphClient(RestClient rest, String readTimeout) {
        this.rest = rest;
        this.readTimeout = readTimeout;
    }

    /** A client for the configured Graph API host, token and timeouts. */
    public static InstagramGraphClient create(InstagramOutboundProperties graph, RestClient.Builder builder) {
        // The JDK client never resends a POST on its own (HttpURLConnection may), so a reply is posted at most once per
        // call. HTTP/1.1: an http:// base URL (a stub, a proxy) would otherwise get an h2c upgrade along with the
        // POST's
        // body, which not every server handles.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(graph.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(graph.readTimeout());
        RestClient rest = builder.baseUrl(graph.baseUrl())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + graph.accessToken())
                .build();
        return new InstagramGraphClient(rest, graph.readTimeout().toMillis() + " ms");
    }

    /**
     * Posts {@code text} publicly under the comment {@code commentId}.
     *
     * @return the id of the new comment
     */
    public String replyToComment(String commentId, String text) {
        return call("the comment reply", "id", () -> rest.post().uri(uri -> uri.path("/{commentId}/replies")
                .queryParam("message", "{message}")
                .build(commentId, text)));
    }

    /**
     * Sends {@code text} privately to the person who wrote the comment {@code commentId}, from the account {@code accountId}.
     *
     * @return the id of the message
     */
    public String privateReply(String accountId, String commentId, String text) {
        Map<String, Object> body =
                Map.of("recipient", Map.of("comment_id", commentId), "message", Map.of("text", text));
        return call("the private reply", "message_id", () -> rest.post()
                .uri("/{accountId}/messages", accountId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body));
    }

    /**
     * The id of a reply under the comment {@code commentId} written by the account {@code accountId} with exactly
     * {@code text}, if there is one: {@code GET /{ig-comment-id}/replies?fields=id,text,from}, answered with
     * {@code {"data":[{"id","text","from":{"id","username"}}]}}. Asked after a reply's answer was lost, so the reply
     * is never posted twice.
     */
    public Optional<String> findReply(String commentId, String accountId, String text) {
        JsonNode answer;
        try {
            answer = rest.get()
                    .uri(uri -> uri.path("/{commentId}/replies")
                            .queryParam("fields", "id,text,from")
                            .build(commentId))
                    .exchange((req, response) -> {
                        JsonNode body = read(response.getBody());
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new ChannelException(
                                    refusal("the look-up of the comment's replies", response.getStatusCode(), body));
                        }
                        return body;
                    });
        } catch (ChannelException e) {
            throw e;
        } catch (RestClientException e) {
            throw new ChannelException("Instagram could not be asked for the comment's replies: " + e.getMessage(), e);
        }
        if (answer == null) {
            return Optional.empty();
        }
        for (JsonNode reply : answer.path("data")) {
            if (accountId.equals(reply.path("from").path("id").asText())
                    && text.equals(reply.path("text").asText())) {
                return Optional.of(reply.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private String call(String what, String idField, Supplier<RestClient.RequestBodySpec> request) {
        try {
            return request.get().exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                JsonNode answer = read(response.getBody());
                if (status.is2xxSuccessful()) {
                    String id = answer == null ? "" : answer.path(idField).asText("");
                    if (id.isBlank()) {
                        throw new ChannelException(
                                "Instagram accepted " + what + " but answered without \"" + idField + "\"");
                    }
                    return id;
                }
                String refusal = refusal(what, status, answer);
                throw mayPassLater(status, answer) ? new ChannelException(refusal) : ChannelException.refused(refusal);
            });
        } catch (ResourceAccessException e) {
            // Unreachable: nothing was posted. No answer in time: it may have been; the retry looks first.
            throw ChannelException.fromTransport(
                    "Instagram could not be reached or did not answer " + what + " within " + readTimeout + " ("
                            + e.getMessage() + ")",
                    e);
        } catch (ChannelException e) {
            throw e;
        } catch (RestClientException e) {
            throw new ChannelException("Instagram could not be asked for " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the same request may succeed later: Meta's 5xx, 408 and 429, errors it marks {@code is_transient}, its
     * throttling and temporary codes (1, 2, 4, 17, 32, 613) and an expired token (190, renewed without touching the
     * case). Anything else (a deleted or hidden comment, a closed messaging window, a text Instagram refuses) is
     * refused again, so a person decides at once.
     */
    static boolean mayPassLater(HttpStatusCode status, JsonNode answer) {
        if (status.is5xxServerError() || status.value() == 408 || status.value() == 429) {
            return true;
        }
        JsonNode error = answer == null ? null : answer.get("error");
        if (error == null || !error.isObject()) {
            return false;
        }
        return error.path("is_transient").asBoolean(false)
                || java.util.Set.of(1, 2, 4, 17, 32, 190, 613)
                        .contains(error.path("code").asInt(-1));
    }

    private static String refusal(String what, HttpStatusCode status, JsonNode answer) {
        JsonNode error = answer == null ? null : answer.get("error");
        StringBuilder text = new StringBuilder(
                        status.is5xxServerError() ? "Instagram failed on " : "Instagram refused ")
                .append(what)
                .append(" (HTTP ")
                .append(status.value());
        if (error != null && error.isObject()) {
            appendIfPresent(text, "code", error.get("code"));
            appendIfPresent(text, "subcode", error.get("error_subcode"));
            appendIfPresent(text, "type", error.get("type"));
            appendIfPresent(text, "fbtrace_id", error.get("fbtrace_id"));
            text.append("): ").append(error.path("message").asText("no message"));
        } else {
            text.append("): no Graph error in the answer");
        }
        if (status.is5xxServerError()) {
            text.append("; the job retries");
        }
        return text.toString();
    }

    private static void appendIfPresent(StringBuilder text, String name, JsonNode value) {
        if (value != null && !value.isNull()) {
            text.append(", ").append(name).append(' ').append(value.asText());
        }
    }

    private static JsonNode read(InputStream body) throws IOException {
        if (body == null) {
            return null;
        }
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            // A proxy's HTML error page, for instance: there is no Graph error to report.
            return null;
        }
    }
}
