package com.complaintdesk.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class RetrospectivesAppTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-30T16:00:00+08:00");

    @Autowired
    Retrospectives retrospectives;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordKeepsTheRetrospectiveOfACase() {
        String caseId = UUID.randomUUID().toString();

        retrospectives.record(
                caseId,
                Retrospectives.SYSTEMIC,
                "Third packaging complaint this month for mugs.",
                "Double-box fragile items from next week.",
                true,
                "sam",
                AT);

        Map<String, Object> row = jdbc.sql("SELECT * FROM cd_retrospective WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry(key(row, "cause"), "systemic")
                .containsEntry(key(row, "findings"), "Third packaging complaint this month for mugs.")
                .containsEntry(key(row, "action"), "Double-box fragile items from next week.")
                .containsEntry(key(row, "training_case"), true)
                .containsEntry(key(row, "held_by"), "sam");
        OffsetDateTime heldAt = jdbc.sql("SELECT held_at FROM cd_retrospective WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query(OffsetDateTime.class)
                .single();
        assertThat(heldAt).isAtSameInstantAs(AT);
    }

    @Test
    void recordRefusesASecondRetrospectiveForTheSameCase() {
        String caseId = UUID.randomUUID().toString();
        retrospectives.record(
                caseId,
                Retrospectives.INDIVIDUAL,
                "Agent argued in the public reply.",
                "Coaching on P5 with the supervisor.",
                false,
                "sam",
                AT);

        assertThatThrownBy(() -> retrospectives.record(
                        caseId,
                        Retrospectives.SYSTEMIC,
                        "Second look at the same case.",
                        "Nothing new.",
                        false,
                        "lena",
                        AT.plusDays(1)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT cause FROM cd_retrospective WHERE case_id = :caseId")
                        .param("caseId", caseId)
                        .query(String.class)
                        .list())
                .containsExactly("individual");
    }

    @Test
    void recordRefusesACauseOtherThanSystemicOrIndividual() {
        String caseId = UUID.randomUUID().toString();

        assertThatThrownBy(() ->
                        retrospectives.record(caseId, "bad luck", "Findings here.", "Action here.", false, "sam", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_retrospective WHERE case_id = :caseId")
                        .param("caseId", caseId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // H2 reports column labels in upper case, PostgreSQL in lower case.
    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream()
                .filter(column::equalsIgnoreCase)
                .findFirst()
                .orElse(column);
    }
}
