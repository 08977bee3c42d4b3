package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Reconciliation;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same complaint delivered many times at once (a channel retrying, two nodes behind a balancer): one case and one
 * lifecycle, every delivery acknowledged with that case, never a 5xx.
 */
@AppTest
class DuplicateDeliveriesAppTest {

    static final int COMPLAINTS = 10;
    static final int DELIVERIES_EACH = 10;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintDeliveredTenTimesAtOnceOpensOneCaseAndEveryDeliveryNamesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> deliveries = new ArrayList<>();
        List<Map<String, Object>> complaints = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            Map<String, Object> complaint = SampleComplaint.instagram(5);
            complaints.add(complaint);
            for (int j = 0; j < DELIVERIES_EACH; j++) {
                String user = j % 2 == 0 ? "ana" : "ben";
                deliveries.add(pool.submit(() -> {
                    start.await();
                    return http.withBasicAuth(user, TestDatabase.password())
                            .postForEntity("/api/complaints", complaint, JsonNode.class);
                }));
            }
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> delivery : deliveries) {
            answers.add(delivery.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value())
                .as(String.valueOf(a.getBody()))
                .isIn(200, 201));
        assertThat(answers.stream()
                        .filter(a -> a.getStatusCode().value() == 201)
                        .count())
                .isEqualTo(COMPLAINTS);
        List<String> caseIds = new ArrayList<>();
        for (Map<String, Object> complaint : complaints) {
            Set<String> named = answers.stream()
                    .map(ResponseEntity::getBody)
                    .filter(b -> complaint
                            .get("externalId")
                            .equals(b.path("externalId").asText()))
                    .map(b -> b.path("caseId").asText())
                    .collect(Collectors.toSet());
            assertThat(named)
                    .as("the case every delivery of %s names", complaint.get("externalId"))
                    .hasSize(1);
            caseIds.addAll(named);
        }
        new Reconciliation(jdbc).verify(Collections.unmodifiableList(caseIds));
    }
}
