package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.BadInput;
import com.complaintdesk.support.Reconciliation;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad input corpus against {@code POST /api/complaints} and {@code POST /api/complaints/import}: malformed JSON,
 * wrong types, huge bodies, deep nesting, invalid UTF-8, NUL bytes, unknown enum values, far dates. Each gets a 4xx
 * whose message names what is wrong, never a 5xx, and stores nothing (no case, no inbound event, no process). Script
 * and SQL injection in every text field are data: stored verbatim, returned as sent, nothing else touched.
 */
@AppTest
class IntakeBadInputAppTest {

    /** Every text field of a complaint, as a JSON path under the body. */
    static final List<String> TEXT_FIELDS = List.of(
            "text",
            "customer.id",
            "customer.name",
            "order.id",
            "product.sku",
            "product.title",
            "shop.id",
            "order.shippingAddress.region",
            "order.shippingAddress.city",
            "order.shippingAddress.postalCode");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    Reconciliation reconciliation;

    @BeforeEach
    void setUp() {
        reconciliation = new Reconciliation(jdbc);
    }

    @Test
    void malformedJsonIsRefusedSayingItIsNotJson() {
        assertNothingStored(() -> {
            for (String body : BadInput.MALFORMED_JSON) {
                ResponseEntity<JsonNode> response = post(body.getBytes(StandardCharsets.UTF_8));
                assertClientError(response, body, 400);
                assertThat(detail(response)).as(body).containsAnyOf("not valid JSON", "invalid field");
            }
            for (String body : List.of("", "null", "[]", "\"complaint\"", "42", "true")) {
                ResponseEntity<JsonNode> response = post(body.getBytes(StandardCharsets.UTF_8));
                assertClientError(response, body, 400);
            }
        });
    }

    @Test
    void deepNestingAndHugeBodiesAreRefusedWithoutAServerError() {
        assertNothingStored(() -> {
            ResponseEntity<JsonNode> nested =
                    post(BadInput.deeplyNested(100_000).getBytes(StandardCharsets.UTF_8));
            assertClientError(nested, "nesting", 400);
            assertThat(fields(nested)).containsExactly("text");
            ResponseEntity<JsonNode> nestedUnknown =
                    post(("{\"surprise\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                            .getBytes(StandardCharsets.UTF_8));
            assertClientError(nestedUnknown, "nesting", 400);
            assertThat(detail(nestedUnknown)).contains("nesting depth");
            ResponseEntity<JsonNode> nestedTop =
                    post(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
            assertClientError(nestedTop, "nesting", 400);

            ObjectNode huge = sample();
            huge.put("text", "x".repeat(8 * 1024 * 1024));
            ResponseEntity<JsonNode> big = post(bytes(huge));
            assertClientError(big, "8 MiB text", 400);
            assertThat(fields(big)).contains("text");

            ObjectNode longFields = sample();
            longFields.put("externalId", "e".repeat(201));
            ((ObjectNode) longFields.get("customer")).put("name", "n".repeat(10_000));
            ResponseEntity<JsonNode> tooLong = post(bytes(longFields));
            assertClientError(tooLong, "long fields", 400);
            assertThat(fields(tooLong)).contains("externalId", "customer.name");
        });
    }

    @Test
    void invalidUtf8IsRefusedSayingSo() {
        assertNothingStored(() -> {
            for (byte[] bad : BadInput.INVALID_UTF8) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                byte[] json = bytes(sample());
                String text = new String(json, StandardCharsets.UTF_8);
                int at = text.indexOf("The mug");
                body.write(json, 0, at);
                body.writeBytes(bad);
                body.write(json, at, json.length - at);
                ResponseEntity<JsonNode> response = post(body.toByteArray());
                assertClientError(response, "invalid UTF-8", 400);
                assertThat(detail(response)).containsIgnoringCase("UTF-8");
            }
            // leading NULs would make Jackson read the body as UTF-32 (found by IntakeFuzzTest)
            byte[] json = bytes(sample());
            byte[] nuls = new byte[json.length + 55];
            System.arraycopy(json, 0, nuls, 55, json.length);
            ResponseEntity<JsonNode> response = post(nuls);
            assertClientError(response, "leading NULs", 400);
            assertThat(detail(response)).contains("contains a NUL byte");
        });
    }

    @Test
    void aNulByteOrAnotherControlCharacterInAnyTextFieldIsRefusedNamingTheField() {
        assertNothingStored(() -> {
            for (String field : TEXT_FIELDS) {
                for (String bad : List.of("broken\u0000mug", "bell\u0007", "escape\u001B[31m")) {
                    ObjectNode body = sample();
                    set(body, field, bad);
                    ResponseEntity<JsonNode> response = post(bytes(body));
                    assertClientError(response, field, 400);
                    assertThat(fields(response)).as(field).contains(field);
                }
            }
        });
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreRefusedNamingTheField() {
        Map<String, Consumer<ObjectNode>> corpus = new java.util.LinkedHashMap<>();
        corpus.put("channel", b -> b.put("channel", "myspace"));
        corpus.put("channel ", b -> b.put("channel", "INSTAGRAM"));
        corpus.put("channel  ", b -> b.put("channel", 0));
        corpus.put("channel   ", b -> b.putArray("channel"));
        corpus.put("language", b -> b.put("language", "klingon language"));
        corpus.put("postedAt", b -> b.put("postedAt", true));
        corpus.put("postedAt ", b -> b.putObject("postedAt"));
        corpus.put("customer", b -> b.put("customer", "Mia"));
        corpus.put("customer.lifetimeOrders", b -> ((ObjectNode) b.get("customer")).put("lifetimeOrders", "many"));
        corpus.put("customer.lifetimeOrders ", b -> ((ObjectNode) b.get("customer")).put("lifetimeOrders", 1e30));
        corpus.put("order.value", b -> ((ObjectNode) b.get("order")).put("value", "thirty"));
        corpus.put("order.value ", b -> ((ObjectNode) b.get("order")).put("value", -5));
        corpus.put("order.currency", b -> ((ObjectNode) b.get("order")).put("currency", "XXX1"));
        corpus.put("product.fragile", b -> ((ObjectNode) b.get("product")).put("fragile", "perhaps"));
        corpus.put("engagement.likes", b -> ((ObjectNode) b.get("engagement")).put("likes", -1));
        corpus.put("engagement.shares", b -> ((ObjectNode) b.get("engagement")).putArray("shares"));
        corpus.put("shop.country", b -> b.putObject("shop").put("country", "Narnia"));
        corpus.put("surprise", b -> b.put("surprise", "field"));
        assertNothingStored(() -> corpus.forEach((field, change) -> {
            ObjectNode body = sample();
            change.accept(body);
            ResponseEntity<JsonNode> response = post(bytes(body));
            assertClientError(response, field, 400);
            assertThat(fields(response)).as(field + ": " + response.getBody()).contains(field.trim());
        }));
    }

    @Test
    void datesInTheFarPastOrFutureAreRefusedNamingTheField() {
        assertNothingStored(() -> {
            ObjectNode blank = sample();
            blank.put("postedAt", "");
            assertThat(fields(post(bytes(blank)))).contains("postedAt");
            for (String value : BadInput.BAD_DATE_TIMES) {
                for (String field : List.of("postedAt", "order.shippedAt", "order.deliveredAt")) {
                    ObjectNode body = sample();
                    if (field.startsWith("order.deliveredAt")) {
                        ((ObjectNode) body.get("order")).remove("shippedAt");
                    }
                    set(body, field, value);
                    ResponseEntity<JsonNode> response = post(bytes(body));
                    assertClientError(response, field + "=" + value, 400);
                    assertThat(fields(response))
                            .as(field + "=" + value + ": " + response.getBody())
                            .contains(field);
                }
            }
            for (String value : BadInput.BAD_DATES) {
                for (String field : List.of("customer.accountCreated", "order.promisedDelivery", "shop.openedOn")) {
                    ObjectNode body = sample();
                    if (field.startsWith("shop")) {
                        body.putObject("shop").put("id", "shop-1");
                    }
                    set(body, field, value);
                    ResponseEntity<JsonNode> response = post(bytes(body));
                    assertClientError(response, field + "=" + value, 400);
                    assertThat(fields(response))
                            .as(field + "=" + value + ": " + response.getBody())
                            .contains(field);
                }
            }
        });
    }

    @Test
    void scriptAndSqlInjectionInEveryTextFieldIsStoredVerbatimAndChangesNothingElse() {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> caseIds = new ArrayList<>();
        for (String injection : BadInput.INJECTIONS) {
            ObjectNode body = sample();
            for (String field : TEXT_FIELDS) {
                set(
                        body,
                        field,
                        field.endsWith("postalCode")
                                ? injection.substring(0, Math.min(32, injection.length()))
                                : injection);
            }
            // the external id is the platform's and only takes visible ASCII (no spaces): what of the injection fits
            body.put("externalId", "ig-" + UUID.randomUUID() + injection.replaceAll("[^\\p{Graph}]", ""));
            ResponseEntity<JsonNode> created = post(bytes(body));
            assertThat(created.getStatusCode().value())
                    .as(injection + ": " + created.getBody())
                    .isEqualTo(201);
            String caseId = created.getBody().path("caseId").asText();
            caseIds.add(caseId);
            JsonNode stored = http.withBasicAuth("ana", TestDatabase.password())
                    .getForEntity("/api/complaints/" + caseId, JsonNode.class)
                    .getBody();
            assertThat(stored.path("text").asText()).isEqualTo(injection);
            assertThat(stored.path("customerName").asText()).isEqualTo(injection);
            assertThat(stored.path("customerId").asText()).isEqualTo(injection);
            assertThat(stored.path("externalId").asText())
                    .isEqualTo(body.get("externalId").asText());
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints() + BadInput.INJECTIONS.size());
        assertThat(after.processInstances())
                .isGreaterThanOrEqualTo(before.processInstances() + BadInput.INJECTIONS.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE text = 'owned'")
                        .query(Long.class)
                        .single())
                .isZero();
        reconciliation.verify(caseIds);
    }

    @Test
    void aBadCsvFileIsRefusedWholeOrRowByRowAndStoresNothing() {
        String header = "channel,externalId,postedAt,text,language,customerId\n";
        String posted = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .minusMinutes(5)
                .toString();
        assertNothingStored(() -> {
            // whole file refused
            assertCsv(new byte[0], 400, "empty");
            assertCsv(new byte[] {'c', 'h', (byte) 0xC3, 0x28, '\n'}, 400, "UTF-8");
            assertCsv(
                    (header + "instagram,ig-1,\"" + posted + ",never closed\n").getBytes(StandardCharsets.UTF_8),
                    400,
                    "quote");
            assertCsv("channel,surprise\n".getBytes(StandardCharsets.UTF_8), 400, "surprise");
            assertCsv((header + "x".repeat(1024 * 1024 + 1)).getBytes(StandardCharsets.UTF_8), 413, "1 MiB");
            // every row refused, each saying why
            StringBuilder rows = new StringBuilder(header);
            rows.append("myspace,csv-bad-1,").append(posted).append(",text,en,c1\n");
            rows.append("instagram,csv-bad-2,0001-01-01T00:00:00Z,text,en,c1\n");
            rows.append("instagram,csv-bad-3,").append(posted).append(",\"broken\u0000mug\",en,c1\n");
            rows.append("instagram,csv-bad-4,").append(posted).append(",text,klingon language,c1\n");
            rows.append("instagram,csv-bad-5,")
                    .append(posted)
                    .append(",")
                    .append("y".repeat(4001))
                    .append(",en,c1\n");
            rows.append("instagram,csv bad 6,").append(posted).append(",text,en,c1\n");
            rows.append("instagram,csv-bad-7,").append(posted).append(",text,en\n");
            ResponseEntity<JsonNode> result = csv(rows.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(result.getStatusCode().value())
                    .as(String.valueOf(result.getBody()))
                    .isEqualTo(200);
            assertThat(result.getBody().path("rejected").asInt()).isEqualTo(7);
            assertThat(result.getBody().path("created").asInt()).isZero();
            List<String> fields = result.getBody().path("results").findValuesAsText("field");
            assertThat(fields).contains("channel", "postedAt", "text", "language", "externalId");
        });
    }

    // --- helpers

    private void assertNothingStored(Runnable attempts) {
        Reconciliation.Counts before = reconciliation.counts();
        attempts.run();
        assertThat(reconciliation.counts()).as("nothing stored").isEqualTo(before);
    }

    private static void assertClientError(ResponseEntity<JsonNode> response, String what, int status) {
        assertThat(response.getStatusCode().value())
                .as(what + ": " + response.getBody())
                .isEqualTo(status);
        assertThat(response.getBody()).as(what).isNotNull();
        assertThat(response.getBody().path("detail").asText()).as(what).isNotBlank();
    }

    private void assertCsv(byte[] file, int status, String says) {
        ResponseEntity<JsonNode> response = csv(file);
        assertClientError(response, says, status);
        assertThat(response.getBody().toString())
                .as(String.valueOf(response.getBody()))
                .containsIgnoringCase(says);
    }

    private static String detail(ResponseEntity<JsonNode> response) {
        return response.getBody().path("detail").asText();
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }

    private ObjectNode sample() {
        return json.valueToTree(SampleComplaint.instagram(5));
    }

    private static void set(ObjectNode body, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject()
                    ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> post(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> csv(byte[] file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints/import", new HttpEntity<>(file, headers), JsonNode.class);
    }
}
