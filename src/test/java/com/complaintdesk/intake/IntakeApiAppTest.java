package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class IntakeApiAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void applicationTestsRunOnTheDatabaseTheSuiteWasGiven() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestDatabase.onPostgres() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void intakeOpensACaseAndStartsItsLifecycleWithTheChannelKeyAsBusinessKey() {
        Map<String, Object> body = SampleComplaint.instagram(20);

        ResponseEntity<JsonNode> response = post("ana", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = response.getBody();
        String businessKey = "instagram:" + body.get("externalId");
        assertThat(created.path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(created.path("receivedBy").asText()).isEqualTo("ana");
        assertThat(response.getHeaders().getLocation().toString())
                .endsWith("/api/complaints/" + created.path("caseId").asText());
        assertThat(created.path("links").path("processInstance").asText())
                .contains(created.path("processInstanceId").asText());

        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(instance).isNotNull();
        assertThat(instance.getId()).isEqualTo(created.path("processInstanceId").asText());
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        assertThat(variables)
                .containsEntry(
                        ComplaintLifecycle.Var.CASE_ID, created.path("caseId").asText())
                .containsEntry(ComplaintLifecycle.Var.CHANNEL, "instagram")
                .containsEntry(ComplaintLifecycle.Var.CUSTOMER_TIMEZONE, "America/New_York")
                .containsEntry(ComplaintLifecycle.Var.ORDER_VALUE, 38.5)
                .containsEntry(ComplaintLifecycle.Var.PRODUCT_FRAGILE, true);
        assertThat((Date) variables.get(ComplaintLifecycle.Var.POSTED_AT))
                .isEqualTo(Date.from(java.time.OffsetDateTime.parse((String) body.get("postedAt"))
                        .toInstant()));

        ResponseEntity<JsonNode> fetched = http.withBasicAuth("ana", TestDatabase.password())
                .getForEntity("/api/complaints/" + created.path("caseId").asText(), JsonNode.class);
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.getBody().path("text").asText()).isEqualTo(body.get("text"));
    }

    @Test
    void intakeHandlesChineseWeChatReviews() {
        Map<String, Object> body =
                SampleComplaint.body("wechat", "wx-" + java.util.UUID.randomUUID(), 5, "收到的杯子碎了，包装太差了，非常失望！", "zh-CN");
        SampleComplaint.child(body, "customer").put("timezone", "Asia/Shanghai");
        SampleComplaint.child(body, "order").put("currency", "CNY");

        ResponseEntity<JsonNode> response = post("sam", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("text").asText()).isEqualTo("收到的杯子碎了，包装太差了，非常失望！");
    }

    @Test
    void intakeReturnsTheExistingCaseForARepeatedDelivery() {
        Map<String, Object> body = SampleComplaint.instagram(10);
        ResponseEntity<JsonNode> first = post("ana", body);

        ResponseEntity<JsonNode> second = post("ben", body);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().path("caseId").asText())
                .isEqualTo(first.getBody().path("caseId").asText());
        assertThat(second.getBody().path("receivedBy").asText()).isEqualTo("ana");
        assertThat(casesFor(body)).isEqualTo(1);
        assertThat(instancesFor(body)).isEqualTo(1);
    }

    @Test
    void intakeNeverOpensTwoCasesWhenDuplicateDeliveriesRace() throws Exception {
        Map<String, Object> body = SampleComplaint.instagram(3);
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                Callable<ResponseEntity<JsonNode>> delivery = () -> {
                    start.await();
                    return post("ana", body);
                };
                responses.add(pool.submit(delivery));
            }
            start.countDown();
            List<ResponseEntity<JsonNode>> results = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> response : responses) {
                results.add(response.get());
            }
            assertThat(results)
                    .filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED)
                    .hasSize(1);
            assertThat(results)
                    .filteredOn(r -> r.getStatusCode() == HttpStatus.OK)
                    .hasSize(deliveries - 1);
            assertThat(results)
                    .extracting(r -> r.getBody().path("caseId").asText())
                    .containsOnly(results.get(0).getBody().path("caseId").asText());
        } finally {
            pool.shutdownNow();
        }
        assertThat(casesFor(body)).isEqualTo(1);
        assertThat(instancesFor(body)).isEqualTo(1);
    }

    static List<Arguments> invalidComplaints() {
        return List.of(
                invalid("channel", "must not be null", b -> b.remove("channel")),
                invalid(
                        "channel",
                        "must be one of instagram, ebay, wechat, email, phone, web",
                        b -> b.put("channel", "tiktok")),
                invalid("externalId", "must not be blank", b -> b.put("externalId", " ")),
                invalid("postedAt", "must not be null", b -> b.remove("postedAt")),
                invalid("postedAt", "ISO-8601", b -> b.put("postedAt", "yesterday")),
                invalid("postedAt", "must not be in the future", b -> b.put("postedAt", "2999-01-01T00:00:00Z")),
                invalid("text", "must not be blank", b -> b.put("text", "")),
                invalid("text", "size must be between 0 and 4000", b -> b.put("text", "x".repeat(4001))),
                invalid("language", "language tag", b -> b.put("language", "English")),
                invalid("customer", "must not be null", b -> b.remove("customer")),
                invalid("customer.id", "must not be blank", b -> SampleComplaint.child(b, "customer")
                        .remove("id")),
                invalid("customer.timezone", "IANA time zone", b -> SampleComplaint.child(b, "customer")
                        .put("timezone", "Mars/Olympus")),
                invalid("customer.lifetimeOrders", "greater than or equal to 0", b -> SampleComplaint.child(
                                b, "customer")
                        .put("lifetimeOrders", -1)),
                invalid("order.currency", "ISO 4217", b -> SampleComplaint.child(b, "order")
                        .put("currency", "usd")),
                invalid("order.currency", "not an ISO 4217 currency", b -> SampleComplaint.child(b, "order")
                        .put("currency", "XYZ")),
                invalid("order.value", "greater than or equal to 0.00", b -> SampleComplaint.child(b, "order")
                        .put("value", -5)),
                invalid("order.value", "a number", b -> SampleComplaint.child(b, "order")
                        .put("value", "cheap")),
                invalid("order.deliveredAt", "must not be before order.shippedAt", b -> SampleComplaint.child(
                                b, "order")
                        .put("deliveredAt", "2026-11-01T00:00:00Z")),
                invalid("engagement.shares", "greater than or equal to 0", b -> SampleComplaint.child(b, "engagement")
                        .put("shares", -3)),
                invalid("product.sku", "must not be blank", b -> SampleComplaint.child(b, "product")
                        .put("sku", "")),
                invalid("unexpected", "is not a known field", b -> b.put("unexpected", true)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidComplaints")
    void intakeRejectsAnInvalidFieldWithAMessageAndStoresNothing(
            String field, String message, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> body = SampleComplaint.instagram(15);
        spoil.accept(body);
        long casesBefore =
                jdbc.sql("SELECT COUNT(*) FROM cd_complaint").query(Long.class).single();

        ResponseEntity<JsonNode> response = post("ana", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).contains(message);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint")
                        .query(Long.class)
                        .single())
                .isEqualTo(casesBefore);
        if (body.get("externalId") instanceof String externalId && body.get("channel") instanceof String channel) {
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(channel + ":" + externalId)
                            .count())
                    .isZero();
        }
    }

    @Test
    void intakeRejectsABodyThatIsNotJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity(
                        "/api/complaints", new HttpEntity<>("{\"channel\": \"instagram\",", headers), JsonNode.class);

        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asText())
                .as(String.valueOf(response.getBody()))
                .startsWith("The request body is not valid JSON");
    }

    @Test
    void intakeRequiresCredentialsAndTheRightRole() {
        Map<String, Object> body = SampleComplaint.instagram(1);

        assertThat(http.postForEntity("/api/complaints", body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("audrey", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(casesFor(body)).isZero();
    }

    @Test
    void unknownCaseIsNotFound() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("ana", TestDatabase.password())
                .getForEntity("/api/complaints/no-such-case", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Arguments invalid(String field, String message, Consumer<Map<String, Object>> spoil) {
        return Arguments.of(field, message, spoil);
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, TestDatabase.password()).postForEntity("/api/complaints", body, JsonNode.class);
    }

    private long casesFor(Map<String, Object> body) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = :c AND external_id = :e")
                .param("c", body.get("channel"))
                .param("e", body.get("externalId"))
                .query(Long.class)
                .single();
    }

    private long instancesFor(Map<String, Object> body) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(body.get("channel") + ":" + body.get("externalId"))
                .count();
    }
}
