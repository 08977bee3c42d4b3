package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.identity.Roles;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights API (#6, A1, A5): a week's report as JSON and CSV, bad labels and bad review totals answered 400 with
 * what is wrong, and who reads and who records. The application's zone is UTC here, so {@link March1987} is seeded in
 * UTC.
 */
@AppTest
class InsightsApiAppTest {

    /** A member of the product team (A3), who reads the analytics. */
    static final String PRODUCT_USER = "pia";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    private InsightsSeeds seeds;
    private boolean createdProductGroup;

    @BeforeEach
    void seed() {
        seeds = March1987.seed(jdbc, ZoneOffset.UTC);
        if (identity.createGroupQuery().groupId(Roles.PRODUCT).singleResult() == null) {
            Group group = identity.newGroup(Roles.PRODUCT);
            group.setName("Product and design");
            identity.saveGroup(group);
            createdProductGroup = true;
        }
        if (identity.createUserQuery().userId(PRODUCT_USER).singleResult() == null) {
            User user = identity.newUser(PRODUCT_USER);
            user.setFirstName("Pia");
            user.setLastName("Product");
            user.setPassword(TestDatabase.password());
            identity.saveUser(user);
            identity.createMembership(PRODUCT_USER, Roles.PRODUCT);
        }
    }

    @AfterEach
    void clean() {
        seeds.clean();
        identity.deleteUser(PRODUCT_USER);
        if (createdProductGroup) {
            identity.deleteGroup(Roles.PRODUCT);
        }
    }

    @Test
    void aWeeksReportAsJsonHasEveryFigure() {
        ResponseEntity<JsonNode> response = as("olga").getForEntity("/api/insights/reports/1987-W10", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = response.getBody();
        assertThat(r.path("period").asText()).isEqualTo("1987-W10");
        assertThat(r.path("from").asText()).isEqualTo("1987-03-02T00:00:00Z");
        assertThat(r.path("cases").asLong()).isEqualTo(7);
        assertThat(r.path("categories").get(0).toString())
                .isEqualTo("{\"category\":\"packaging_damage\",\"cases\":3,\"previousCases\":0,\"frequent\":true,"
                        + "\"new\":true,\"improving\":false}");
        assertThat(r.path("slaCompliance").get(2).toString())
                .isEqualTo(
                        "{\"tier\":\"T2\",\"clock\":\"first_response\",\"ran\":3,\"breached\":1,\"compliancePercent\":66.7}");
        assertThat(r.path("responseTimes").get(6).toString())
                .isEqualTo(
                        "{\"tier\":\"all\",\"clock\":\"first_response\",\"cases\":5,\"medianSeconds\":7200,\"p90Seconds\":18000}");
        assertThat(r.path("reviewRequests").toString())
                .isEqualTo("{\"sent\":4,\"updated\":2,\"revisionRatePercent\":50.0}");
        assertThat(r.path("negativeShare").get(2).toString())
                .isEqualTo("{\"channel\":\"wechat\",\"negativeCases\":2,"
                        + "\"reviews\":null,\"sharePercent\":null,\"note\":\"" + NegativeShare.NO_TOTALS + "\"}");
        // amounts keep their two decimals as sent
        assertThat(as("olga")
                        .getForEntity("/api/insights/reports/1987-W10", String.class)
                        .getBody())
                .contains("{\"type\":\"full_refund\",\"currency\":\"USD\",\"cases\":2,\"total\":130.00}");
    }

    @Test
    void aWeeksReportAsCsvHasOneRowPerFigure() {
        ResponseEntity<String> response = as("audrey").getForEntity("/api/insights/reports/1987-W10.csv", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("insights-1987-W10.csv");
        String csv = response.getBody();
        assertThat(csv).startsWith("\uFEFFsection,key,measure,value\r\nperiod,1987-W10,from,1987-03-02T00:00:00Z\r\n");
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines)
                .contains(
                        "total,all,cases,7",
                        "category,packaging_damage,cases,3",
                        "category,quality,previous_cases,2",
                        "category,shipping_delay,frequent,false",
                        "category,safety,new,true",
                        "category,suggestion,improving,true",
                        "category,untriaged,cases,1",
                        "tier,T2,cases,3",
                        "channel,email,cases,1",
                        "root_cause,unrecorded,cases,2",
                        "sla_first_response,T2,compliance_percent,66.7",
                        "sla_resolution,T1,breached,1",
                        "first_response_time,all,median_seconds,7200",
                        "resolution_time,T2,p90_seconds,108000",
                        "resolution_time,T3,median_seconds,",
                        "escalations,T2,breach_events,3",
                        "compensation,full_refund/USD,total,130.00",
                        "review_requests,all,revision_rate_percent,50.0",
                        "negative_share,instagram,share_percent,2.0",
                        "negative_share,wechat,share_percent,",
                        "negative_share,wechat,note," + NegativeShare.NO_TOTALS);
    }

    @Test
    void aLabelThatNamesNoPeriodIsA400SayingWhatALabelLooksLike() {
        for (String path : List.of("/api/insights/reports/1987-W60", "/api/insights/reports/1987-W60.csv")) {
            ResponseEntity<JsonNode> bad = as("olga").getForEntity(path, JsonNode.class);
            assertThat(bad.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getBody().path("errors").get(0).path("field").asText())
                    .isEqualTo("label");
            assertThat(bad.getBody().path("detail").asText()).contains("week 60 does not exist in 1987");
        }
        ResponseEntity<JsonNode> nonsense = as("olga").getForEntity("/api/insights/reports/last-week", JsonNode.class);
        assertThat(nonsense.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nonsense.getBody().path("detail").asText())
                .contains("'last-week' is not a period (expected a week like"
                        + " 2026-W48, a month like 2026-11 or a quarter like 2026-Q4)");
        assertThat(as("olga")
                        .getForEntity("/api/insights/reports/current?granularity=year", JsonNode.class)
                        .getBody()
                        .path("detail")
                        .asText())
                .contains("granularity must be week or month, not 'year'");
        for (String periods : List.of("0", "27", "many")) {
            ResponseEntity<JsonNode> trend =
                    as("olga").getForEntity("/api/insights/trends?periods=" + periods, JsonNode.class);
            assertThat(trend.getStatusCode()).as(periods).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(trend.getBody().path("detail").asText()).contains("periods must be a whole number from 1 to 26");
        }
    }

    @Test
    void theCurrentPeriodAndTheTrendsEndNow() {
        ResponseEntity<JsonNode> current =
                as("sam").getForEntity("/api/insights/reports/current?granularity=month", JsonNode.class);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
        String thisMonth = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        assertThat(current.getBody().path("period").asText()).isEqualTo(thisMonth);

        JsonNode trends = as("pete")
                .getForEntity("/api/insights/trends?granularity=month&periods=3", JsonNode.class)
                .getBody();
        assertThat(trends.path("granularity").asText()).isEqualTo("month");
        assertThat(trends.path("periods")).hasSize(3);
        assertThat(trends.path("periods").get(2).path("period").asText()).isEqualTo(thisMonth);
        assertThat(trends.path("periods").get(0).path("period").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .minusMonths(2)
                        .toString()
                        .substring(0, 7));
        assertThat(as("pete")
                        .getForEntity("/api/insights/trends", JsonNode.class)
                        .getBody()
                        .path("periods"))
                .hasSize(8);
    }

    @Test
    void aTrendCanEndWithAChosenPeriodOfItsLength() {
        JsonNode trends = as("olga")
                .getForEntity("/api/insights/trends?granularity=week&periods=2&until=1987-W10", JsonNode.class)
                .getBody();
        assertThat(trends.path("periods")).hasSize(2);
        assertThat(trends.path("periods").get(0).path("period").asText()).isEqualTo("1987-W09");
        assertThat(trends.path("periods").get(0).path("cases").asLong()).isEqualTo(6);
        assertThat(trends.path("periods").get(1).path("period").asText()).isEqualTo("1987-W10");
        assertThat(trends.path("periods").get(1).path("cases").asLong()).isEqualTo(7);
        assertThat(trends.path("periods").get(1).path("byCategory").get(0).toString())
                .isEqualTo("{\"category\":\"packaging_damage\",\"cases\":3}");

        assertProblem(
                as("olga").getForEntity("/api/insights/trends?granularity=week&until=1987-03", JsonNode.class),
                "until",
                "must name a week, not '1987-03'");
        assertProblem(
                as("olga").getForEntity("/api/insights/trends?until=1987-W99", JsonNode.class),
                "until",
                "week 99 does not exist in 1987");
    }

    @Test
    void ownersAndProcessOwnersRecordReviewTotalsWhichReplaceTheDaysTotal() {
        ResponseEntity<JsonNode> recorded =
                put("olga", "/api/insights/review-totals/instagram/1987-03-03", "{\"reviews\": 77}");
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().path("reviews").asInt()).isEqualTo(77);
        assertThat(recorded.getBody().path("recordedBy").asText()).isEqualTo("olga");
        assertThat(put("pete", "/api/insights/review-totals/instagram/1987-03-03", "{\"reviews\": 80}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(put("admin", "/api/insights/review-totals/wechat/1987-03-04", "{\"reviews\": 0}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode listed = as("audrey")
                .getForEntity("/api/insights/review-totals?from=1987-03-03&to=1987-03-04", JsonNode.class)
                .getBody();
        assertThat(listed.path("items")).hasSize(2);
        assertThat(listed.path("items").get(0).path("channel").asText()).isEqualTo("instagram");
        assertThat(listed.path("items").get(0).path("day").asText()).isEqualTo("1987-03-03");
        assertThat(listed.path("items").get(0).path("reviews").asInt()).isEqualTo(80);
        assertThat(listed.path("items").get(0).path("recordedBy").asText()).isEqualTo("pete");
        assertThat(listed.path("items").get(1).path("channel").asText()).isEqualTo("wechat");

        // the week's share now counts the recorded day: instagram 2 cases of 40 + 80 + 60 reviews
        JsonNode report = as("olga")
                .getForEntity("/api/insights/reports/1987-W10", JsonNode.class)
                .getBody();
        assertThat(report.path("negativeShare").get(0).path("reviews").asLong()).isEqualTo(180);
        assertThat(report.path("negativeShare").get(0).path("sharePercent").decimalValue())
                .isEqualByComparingTo("1.1");
    }

    @Test
    void badReviewTotalsAre400NamingEachProblemAndStoreNothing() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertProblem(
                put("olga", "/api/insights/review-totals/myspace/1987-03-03", "{\"reviews\": 5}"),
                "channel",
                "must be one of instagram, ebay, wechat, email, phone, web, not 'myspace'");
        assertProblem(
                put("olga", "/api/insights/review-totals/ebay/1987-02-30", "{\"reviews\": 5}"),
                "day",
                "has an invalid value '1987-02-30' (expected an ISO-8601 date, e.g. 2026-11-20)");
        assertProblem(
                put("olga", "/api/insights/review-totals/ebay/" + tomorrow, "{\"reviews\": 5}"),
                "day",
                "must not be in the future");
        for (String reviews : List.of("-1", "10000001", "1.5", "\"12\"", "true")) {
            assertProblem(
                    put("olga", "/api/insights/review-totals/ebay/1987-03-03", "{\"reviews\": " + reviews + "}"),
                    "reviews",
                    "must be a whole number from 0 to 10000000, not " + reviews);
        }
        assertProblem(put("olga", "/api/insights/review-totals/ebay/1987-03-03", "{}"), "reviews", "is required");
        assertProblem(
                put("olga", "/api/insights/review-totals/ebay/1987-03-03", "{\"reviews\": 3, \"rating\": 1}"),
                "rating",
                "is not a known field");
        assertProblem(
                as("olga").getForEntity("/api/insights/review-totals?from=1987-03-04&to=1987-03-03", JsonNode.class),
                "to",
                "must not be before from (1987-03-04), not 1987-03-03");
        assertProblem(
                as("olga").getForEntity("/api/insights/review-totals?to=1987-03-03", JsonNode.class),
                "from",
                "is required");
        assertThat(storedOn("1987-03-03")).isZero();
    }

    @Test
    void agentsLegalAndAuditorsMayNotRecordReviewTotals() {
        for (String user : List.of("ana", "lena", "audrey", "sam", PRODUCT_USER)) {
            assertThat(put(user, "/api/insights/review-totals/instagram/1987-03-03", "{\"reviews\": 5}")
                            .getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(storedOn("1987-03-03")).isZero();
    }

    @Test
    void managementProcessOwnersAuditorsAndTheProductTeamReadTheAnalyticsAndAgentsDoNot() {
        for (String user : List.of("olga", "sam", "pete", "audrey", PRODUCT_USER, "admin")) {
            assertThat(as(user).getForEntity("/api/insights/reports/1987-W10", String.class)
                            .getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.OK);
            ResponseEntity<String> page = as(user).getForEntity("/insights/", String.class);
            assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("Complaint insights / 投诉分析");
        }
        for (String user : List.of("ana", "ben", "lena")) {
            for (String path : List.of(
                    "/api/insights/reports/1987-W10",
                    "/api/insights/reports/1987-W10.csv",
                    "/api/insights/review-totals?from=1987-03-01&to=1987-03-31",
                    "/insights/",
                    "/insights/insights.js")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(http.getForEntity(URI.create("/api/insights/reports/1987-W10"), String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void chartJsComesFromItsWebjarAndTheApiIsDocumented() {
        ResponseEntity<String> chartJs = http.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class);
        assertThat(chartJs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chartJs.getBody()).contains("Chart.js v4.");

        String openApi = as("olga").getForEntity("/api/openapi", String.class).getBody();
        assertThat(openApi)
                .contains(
                        "/api/insights/reports/{label}",
                        "/api/insights/reports/{label}.csv",
                        "/api/insights/reports/current",
                        "/api/insights/trends",
                        "/api/insights/review-totals/{channel}/{day}");
    }

    private long storedOn(String day) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_review_total WHERE review_day = :day")
                .param("day", LocalDate.parse(day))
                .query(Long.class)
                .single();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String field, String message) {
        assertThat(response.getStatusCode()).as(field + " " + message).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = response.getBody().path("errors");
        assertThat(errors).as(response.getBody().toString()).hasSize(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).path("message").asText()).startsWith(message);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestDatabase.password());
    }

    private ResponseEntity<JsonNode> put(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(URI.create(path), HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
