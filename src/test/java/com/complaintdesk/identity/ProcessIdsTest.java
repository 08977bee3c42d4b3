package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.insights.ComplaintInsights;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ids of the insights diagrams that the identity set-up names (the product team's grant, two Tasklist filters)
 * are those of the deployed diagrams and of the insights module, without identity depending on insights (#16).
 */
class ProcessIdsTest {

    @Test
    void theIdsIdentityNamesAreTheDiagramsOwn() throws Exception {
        String digest = Files.readString(Path.of("processes", "product-feedback-digest.bpmn"));
        String insights = Files.readString(Path.of("processes", "complaint-insights.bpmn"));
        assertThat(digest)
                .contains("id=\"" + RoleAuthorizations.DIGEST_PROCESS + "\"")
                .contains("id=\"" + TasklistFilters.REVIEW_PRODUCT_DIGEST + "\"");
        assertThat(insights).contains("id=\"" + TasklistFilters.DECIDE_SYSTEMIC_FIX + "\"");
        assertThat(RoleAuthorizations.DIGEST_PROCESS).isEqualTo(ComplaintInsights.DIGEST_PROCESS_KEY);
        assertThat(TasklistFilters.DECIDE_SYSTEMIC_FIX).isEqualTo(ComplaintInsights.Activity.DECIDE_SYSTEMIC_FIX);
        assertThat(TasklistFilters.REVIEW_PRODUCT_DIGEST).isEqualTo(ComplaintInsights.Activity.REVIEW_PRODUCT_DIGEST);
    }
}
