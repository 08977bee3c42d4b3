package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class CaseRecordsAppTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:15:00+08:00");

    @Autowired
    TestRestTemplate http;

    @Autowired
    CaseRecords records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewCaseIsOpenWithNothingDecidedYet() {
        Map<String, Object> body = SampleComplaint.instagram(5);
        String caseId = openCase(body);

        CaseSummary summary = records.summary(caseId).orElseThrow();

        assertThat(summary)
                .isEqualTo(new CaseSummary(
                        caseId,
                        "instagram",
                        (String) body.get("externalId"),
                        "open",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void recordsFollowTheCaseFromTriageToClosure() {
        Map<String, Object> body = SampleComplaint.instagram(30);
        String caseId = openCase(body);

        records.recordTriage(caseId, "T2", "packaging_damage");
        records.recordFirstResponse(caseId, AT);
        records.recordFirstResponse(caseId, AT.plusHours(3));
        records.recordCompensation(caseId, "reshipment_gift", new BigDecimal("25.50"), "EUR");
        records.recordResolved(caseId, AT.plusDays(2));
        records.recordReviewOutcome(caseId, "updated");
        records.recordClosure(
                caseId,
                "logistics",
                "Replacement with bubble wrap arrived intact; customer happy.",
                "satisfied",
                AT.plusDays(3));

        CaseSummary summary = records.summary(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo(CaseRecords.CLOSED);
        assertThat(summary.tier()).isEqualTo("T2");
        assertThat(summary.category()).isEqualTo("packaging_damage");
        assertThat(summary.firstRespondedAt())
                .as("the first answer counts, not a later one")
                .isEqualTo(AT.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(summary.resolvedAt()).isEqualTo(AT.plusDays(2).withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(summary.closedAt()).isEqualTo(AT.plusDays(3).withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(summary.compensation()).isEqualTo("reshipment_gift");
        assertThat(summary.compensationAmount()).isEqualByComparingTo("25.50");
        // C4: the insights total compensation per currency
        assertThat(jdbc.sql("SELECT compensation_currency FROM cd_complaint WHERE id = :id")
                        .param("id", caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("EUR");
        assertThat(summary.reviewOutcome()).isEqualTo("updated");
        assertThat(summary.rootCause()).isEqualTo("logistics");
        assertThat(summary.resolutionSummary())
                .isEqualTo("Replacement with bubble wrap arrived intact; customer happy.");
        assertThat(summary.satisfaction()).isEqualTo("satisfied");
    }

    @Test
    void recordTriageAgainKeepsTheLatestTier() {
        String caseId = openCase(SampleComplaint.instagram(2));

        records.recordTriage(caseId, "T3", "suggestion");
        records.recordTriage(caseId, "T1", "safety");

        assertThat(records.summary(caseId).orElseThrow())
                .extracting(CaseSummary::tier, CaseSummary::category)
                .containsExactly("T1", "safety");
    }

    @Test
    void recordsRefuseAnUnknownCase() {
        assertThatThrownBy(() -> records.recordTriage("no-such-case", "T1", "safety"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No case with id no-such-case");
        assertThatThrownBy(() -> records.recordFirstResponse("no-such-case", AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No case with id no-such-case");
        assertThatThrownBy(() -> records.recordClosure("no-such-case", "other", "Closed.", "unknown", AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No case with id no-such-case");
        assertThat(records.summary("no-such-case")).isEmpty();
    }

    @Test
    void recordsRefuseValuesOutsideTheSharedKeysAndStoreNothing() {
        String caseId = openCase(SampleComplaint.instagram(3));

        assertThatThrownBy(() -> records.recordTriage(caseId, "T4", "quality"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordTriage(caseId, "T2", "broken"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordCompensation(caseId, "cash", BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordCompensation(caseId, "coupon", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordCompensation(caseId, "coupon", BigDecimal.ONE, "euro"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordReviewOutcome(caseId, "deleted"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordClosure(caseId, "shipping", "Closed.", "satisfied", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> records.recordClosure(caseId, "other", "Closed.", "happy", AT))
                .isInstanceOf(IllegalArgumentException.class);

        CaseSummary summary = records.summary(caseId).orElseThrow();
        assertThat(summary.status()).isEqualTo(CaseRecords.OPEN);
        assertThat(summary)
                .extracting(
                        CaseSummary::tier,
                        CaseSummary::category,
                        CaseSummary::compensation,
                        CaseSummary::reviewOutcome,
                        CaseSummary::rootCause)
                .containsOnlyNulls();
    }

    private String openCase(Map<String, Object> body) {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("caseId").asText();
    }
}
