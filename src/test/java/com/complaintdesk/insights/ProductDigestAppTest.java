package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Activity;
import static com.complaintdesk.insights.ComplaintInsights.Var;
import static com.complaintdesk.insights.InsightsCases.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Migrations;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A3 on the running application: a quarter's product feedback counted exactly from seeded cases, the digest stored and
 * given to the product team, whose member priya finds it through her Tasklist filter, reviews it, and reads it back
 * from the API as JSON and CSV.
 */
@AppTest
class ProductDigestAppTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TestRestTemplate http;

    @Autowired
    DataSource dataSource;

    @Test
    void theQuarterlyDigestCountsTheProductFeedbackAndGoesToPriyaThroughHerTasklistFilter() {
        InsightsCases cases = new InsightsCases(jdbc);
        Tasklist tasklist = new Tasklist(http, management);
        LocalDate april = LocalDate.of(cases.year, 4, 1);
        String quarter = cases.year + "-Q2";
        List<String> feedback = new ArrayList<>();
        feedback.add(cases.insert(at(april, 0), "T3", "suggestion", null, "TEE-S", "Please make it in navy blue."));
        feedback.add(cases.insert(
                at(april.plusDays(3), 9), "T3", "suggestion", null, "TEE-S", "A longer cut would fit better."));
        feedback.add(cases.insert(at(april.plusDays(10), 9), "T3", "quality", null, "TEE-S", "The sleeves run small."));
        feedback.add(cases.insert(
                at(april.plusDays(20), 9), "T2", "quality", "quality", "TEE-M", "Fabric pilled after one wash."));
        feedback.add(cases.insert(
                at(april.plusDays(30), 9),
                "T2",
                "other",
                "misunderstanding",
                "MUG-1",
                "=Thought it was dishwasher safe, \"it says so\"."));
        feedback.add(
                cases.insert(at(april.plusDays(40), 9), "T3", "packaging_damage", null, null, "Box a bit dented."));
        feedback.add(cases.insert(
                at(LocalDate.of(cases.year, 6, 30), 23),
                "T3",
                "product_misunderstanding",
                null,
                null,
                "Which side is the front?"));
        // not product feedback: shipping, safety and attitude cases of T1/T2
        cases.insert(at(april.plusDays(5), 9), "T2", "shipping_delay", "logistics", "TEE-M", "Late.");
        cases.insert(at(april.plusDays(6), 9), "T1", "safety", null, "PB-10K", "It smoked.");
        cases.insert(at(april.plusDays(7), 9), "T2", "service_attitude", "service_attitude", null, "Rude agent.");
        // outside the quarter
        cases.insert(at(april.minusDays(1), 23), "T3", "suggestion", null, "TEE-S", "March idea.");
        cases.insert(at(LocalDate.of(cases.year, 7, 1), 0), "T3", "suggestion", null, "TEE-S", "July idea.");

        ProcessInstance digest =
                runtime.startProcessInstanceByKey(ComplaintInsights.DIGEST_PROCESS_KEY, Map.of(Var.QUARTER, quarter));

        assertThat(runtime.getVariable(digest.getId(), Var.DIGEST_SUMMARY))
                .isEqualTo(quarter
                        + ": 7 cases of product feedback\n"
                        + "By category: quality 2, suggestion 2, other 1, packaging_damage 1, product_misunderstanding 1\n"
                        + "By root cause: not_closed 5, misunderstanding 1, quality 1\n"
                        + "By product: TEE-S 3, no_product 2, MUG-1 1, TEE-M 1");

        // priya's filter shows the task, and only her filters' tasks: nothing of the cases' own processes
        JsonNode filters =
                tasklist.get("priya", "/engine-rest/filter?resourceType=Task").getBody();
        List<String> names = new ArrayList<>();
        filters.forEach(f -> names.add(f.path("name").asText()));
        assertThat(names)
                .contains("Product feedback (A3) / 产品反馈 (A3)", "My groups' open tasks / 我组的待办")
                .doesNotContain("Systemic fixes (A2) / 系统性改进 (A2)", "Escalations / 升级");
        String filterId = null;
        for (JsonNode f : filters) {
            if (f.path("name").asText().equals("Product feedback (A3) / 产品反馈 (A3)")) {
                filterId = f.path("id").asText();
            }
        }
        ResponseEntity<JsonNode> listed = tasklist.get("priya", "/engine-rest/filter/" + filterId + "/list");
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> listedInstances = new ArrayList<>();
        listed.getBody()
                .forEach(t -> listedInstances.add(t.path("processInstanceId").asText()));
        assertThat(listedInstances).contains(digest.getId());
        String taskId = tasklist.awaitTask("priya", digest.getId(), Activity.REVIEW_PRODUCT_DIGEST);
        assertThat(tasklist.get("priya", "/engine-rest/task/" + taskId + "/deployed-form")
                        .getBody()
                        .path("id")
                        .asText())
                .isEqualTo(ComplaintInsights.Form.REVIEW_PRODUCT_DIGEST);
        assertThat(tasklist.get("priya", "/engine-rest/task/" + taskId + "/form-variables")
                        .getBody()
                        .path(Var.DIGEST_SUMMARY)
                        .path("value")
                        .asText())
                .startsWith(quarter + ": 7 cases of product feedback");
        assertThat(tasklist.get("priya", "/engine-rest/process-instance?processDefinitionKey=complaint-lifecycle")
                        .getBody())
                .isEmpty();

        // the digest as JSON, read by priya before her review
        JsonNode json =
                tasklist.get("priya", "/api/insights/product-digest/" + quarter).getBody();
        assertThat(json.path("cases").asLong()).isEqualTo(7);
        assertThat(json.path("stored").asBoolean()).isTrue();
        assertThat(json.path("byCategory").toString())
                .isEqualTo("[{\"key\":\"quality\",\"cases\":2},"
                        + "{\"key\":\"suggestion\",\"cases\":2},{\"key\":\"other\",\"cases\":1},{\"key\":\"packaging_damage\",\"cases\":1},"
                        + "{\"key\":\"product_misunderstanding\",\"cases\":1}]");
        assertThat(json.path("byRootCause").toString())
                .isEqualTo("[{\"key\":\"not_closed\",\"cases\":5},"
                        + "{\"key\":\"misunderstanding\",\"cases\":1},{\"key\":\"quality\",\"cases\":1}]");
        assertThat(json.path("byProduct").toString())
                .isEqualTo(
                        "[{\"key\":\"TEE-S\",\"cases\":3},"
                                + "{\"key\":\"no_product\",\"cases\":2},{\"key\":\"MUG-1\",\"cases\":1},{\"key\":\"TEE-M\",\"cases\":1}]");
        List<String> quoted = new ArrayList<>();
        json.path("examples").forEach(e -> quoted.add(e.path("caseId").asText()));
        assertThat(quoted)
                .containsExactly(
                        feedback.get(6),
                        feedback.get(5),
                        feedback.get(4),
                        feedback.get(3),
                        feedback.get(2),
                        feedback.get(1),
                        feedback.get(0));
        assertThat(json.path("examples").path(0).path("text").asText()).isEqualTo("Which side is the front?");
        assertThat(json.has("review")).isFalse();

        tasklist.work(
                "priya",
                digest.getId(),
                Activity.REVIEW_PRODUCT_DIGEST,
                Var.DIGEST_TAKEN_UP,
                "Size chart on every tee listing; a longer cut next season.",
                Var.DIGEST_NOTES,
                "Navy asked for twice.");

        JsonNode reviewed =
                tasklist.get("olga", "/api/insights/product-digest/" + quarter).getBody();
        assertThat(reviewed.path("review").path("takenUp").asText())
                .isEqualTo("Size chart on every tee listing; a longer cut next season.");
        assertThat(reviewed.path("review").path("notes").asText()).isEqualTo("Navy asked for twice.");
        assertThat(reviewed.path("review").path("reviewedBy").asText()).isEqualTo("priya");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_product_digest WHERE quarter = :q")
                        .param("q", quarter)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        ResponseEntity<String> csv = http.withBasicAuth("priya", TestDatabase.password())
                .getForEntity("/api/insights/product-digest/" + quarter + ".csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody().lines().toList())
                .startsWith(
                        "\uFEFFsection,key,cases,detail",
                        "category,quality,2,",
                        "category,suggestion,2,",
                        "category,other,1,",
                        "category,packaging_damage,1,",
                        "category,product_misunderstanding,1,",
                        "rootCause,not_closed,5,",
                        "rootCause,misunderstanding,1,",
                        "rootCause,quality,1,",
                        "product,TEE-S,3,",
                        "product,no_product,2,",
                        "product,MUG-1,1,",
                        "product,TEE-M,1,");
        assertThat(csv.getBody())
                .contains("example," + cases.businessKeyOf(feedback.get(4))
                        + ",,\"MUG-1: =Thought it was dishwasher safe, \"\"it says so\"\".\"");
    }

    @Test
    void aComplaintKeepsItsProductSkuFromIntakeAndOlderCasesGetItFromTheirPayload() throws Exception {
        Tasklist.Opened opened = new Tasklist(http, management).open("ana", SampleComplaint.instagram(5));
        assertThat(sku(opened.caseId())).isEqualTo("MUG-CER-350");

        // a case received before V15 had no SKU column: migration 15.1 reads it from the complaint as received
        jdbc.sql("UPDATE cd_complaint SET product_sku = NULL WHERE id = :id")
                .param("id", opened.caseId())
                .update();
        Migrations.run(new ProductSkuBackfill(), dataSource);
        assertThat(sku(opened.caseId())).isEqualTo("MUG-CER-350");
    }

    private String sku(String caseId) {
        return jdbc.sql("SELECT product_sku FROM cd_complaint WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
    }

    @Test
    void aQuarterThatIsNoneIsABadRequestNamingIt() {
        Tasklist tasklist = new Tasklist(http, management);
        for (String label : List.of("2026-11", "2026-Q5", "next")) {
            ResponseEntity<JsonNode> bad = tasklist.get("priya", "/api/insights/product-digest/" + label);
            assertThat(bad.getStatusCode()).as(label).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().path("errors").path(0).path("field").asText())
                    .isEqualTo("quarter");
            assertThat(bad.getBody().path("detail").asText()).contains(label);
        }
    }

    @Test
    void aQuarterNotDigestedYetIsComputedOnTheSpotAndNotStored() {
        InsightsCases cases = new InsightsCases(jdbc);
        cases.insert(at(LocalDate.of(cases.year, 11, 2), 9), "T3", "suggestion", null, "CAP-1", "Add a strap.");
        String quarter = cases.year + "-Q4";

        JsonNode json = new Tasklist(http, management)
                .get("olga", "/api/insights/product-digest/" + quarter)
                .getBody();

        assertThat(json.path("cases").asLong()).isEqualTo(1);
        assertThat(json.path("stored").asBoolean()).isFalse();
        assertThat(json.path("byProduct").toString()).isEqualTo("[{\"key\":\"CAP-1\",\"cases\":1}]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_product_digest WHERE quarter = :q")
                        .param("q", quarter)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void agentsLegalAndAnonymousCallersDoNotReadTheDigest() {
        for (String user : List.of("ana", "ben", "lena")) {
            assertThat(http.withBasicAuth(user, TestDatabase.password())
                            .getForEntity("/api/insights/product-digest/2026-Q3", String.class)
                            .getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/insights/product-digest/2026-Q3", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
