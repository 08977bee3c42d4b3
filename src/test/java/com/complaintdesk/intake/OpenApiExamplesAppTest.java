package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API documentation shows what really works (#16): the example complaint of {@code POST /api/complaints} in the
 * OpenAPI document is accepted by the endpoint as it stands, and its 400 example has exactly the fields of a real
 * refusal.
 */
@AppTest
class OpenApiExamplesAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    private JsonNode operation() throws Exception {
        ResponseEntity<String> document =
                http.withBasicAuth("ana", TestDatabase.password()).getForEntity("/api/openapi", String.class);
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        return json.readTree(document.getBody())
                .path("paths")
                .path("/api/complaints")
                .path("post");
    }

    @Test
    void theDocumentedExampleComplaintIsAccepted() throws Exception {
        JsonNode example = operation()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("instagram")
                .path("value");
        assertThat(example.isObject())
                .as("the example is JSON, not a string of regex noise")
                .isTrue();
        ObjectNode complaint = example.deepCopy();
        complaint.put("externalId", "ig-example-" + UUID.randomUUID());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity(
                        "/api/complaints",
                        new HttpEntity<>(json.writeValueAsString(complaint), headers),
                        JsonNode.class);
        assertThat(created.getStatusCode().value())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(201);
    }

    @Test
    void theDocumentedRefusalHasTheFieldsOfARealOne() throws Exception {
        JsonNode example = operation()
                .path("responses")
                .path("400")
                .path("content")
                .path("application/problem+json")
                .path("examples")
                .path("missing text")
                .path("value");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ObjectNode complaint = (ObjectNode) json.readTree(ComplaintController.EXAMPLE_COMPLAINT);
        complaint.put("externalId", "ig-example-" + UUID.randomUUID());
        complaint.put("text", "");
        ResponseEntity<JsonNode> refused = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity(
                        "/api/complaints",
                        new HttpEntity<>(json.writeValueAsString(complaint), headers),
                        JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(names(example)).containsExactlyInAnyOrderElementsOf(names(refused.getBody()));
        assertThat(example.path("errors").get(0).path("field").asText())
                .isEqualTo(refused.getBody().path("errors").get(0).path("field").asText());
        assertThat(example.path("detail").asText())
                .isEqualTo(refused.getBody().path("detail").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
