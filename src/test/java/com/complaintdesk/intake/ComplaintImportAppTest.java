package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
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
class ComplaintImportAppTest {

    private static final List<String> HEADER = List.of(
            "externalId",
            "channel",
            "postedAt",
            "text",
            "language",
            "customerId",
            "customerName",
            "customerTimezone",
            "orderId",
            "orderValue",
            "orderCurrency",
            "orderShippedAt",
            "orderDeliveredAt",
            "productSku",
            "productFragile",
            "likes");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ComplaintIntake intake;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void importReportsEveryRowAsCreatedDuplicateOrRejectedAndOpensOnlyTheGoodOnes() {
        Map<String, Object> existing = SampleComplaint.instagram(60);
        ResponseEntity<JsonNode> before = http.withBasicAuth("ben", TestDatabase.password())
                .postForEntity("/api/complaints", existing, JsonNode.class);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String multiLine = "The mug arrived broken, the box was crushed.\nThe label said \"FRAGILE\" in red.";
        Map<String, String> good = complaint("instagram", "ig-" + run, multiLine);
        Map<String, String> chinese = complaint("wechat", "wx-" + run, "收到的杯子碎了，包装太差了，非常失望！");
        chinese.put("language", "zh-CN");
        chinese.put("customerTimezone", "Asia/Shanghai");
        chinese.put("orderCurrency", "CNY");
        Map<String, String> repeatOfExisting =
                complaint("instagram", (String) existing.get("externalId"), "Sent again");
        Map<String, String> unknownChannel = complaint("tiktok", "tt-" + run, "Broken");
        Map<String, String> badDate = complaint("ebay", "eb-date-" + run, "Broken");
        badDate.put("postedAt", "yesterday");
        Map<String, String> noText = complaint("ebay", "eb-text-" + run, "");
        Map<String, String> badCurrency = complaint("ebay", "eb-currency-" + run, "Broken");
        badCurrency.put("orderCurrency", "XYZ");
        Map<String, String> threeProblems = complaint("web", "web-" + run, "Broken");
        threeProblems.put("customerTimezone", "Mars/Olympus");
        threeProblems.put("orderValue", "cheap");
        threeProblems.put("orderDeliveredAt", "2026-11-01T00:00:00Z");
        // A good complaint after the broken rows shows that they keep nothing out.
        String csv = csv(List.of(
                        good, repeatOfExisting, good, unknownChannel, badDate, noText, badCurrency, threeProblems))
                + "em-" + run + ",email,2026-11-20T10:00:00Z,Broken, and late,en,c-1,Mia,UTC,o-1,5,USD,,,S,false,0\r\n"
                + line(chinese);

        ResponseEntity<JsonNode> response = importCsv("ana", csv);

        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        JsonNode report = response.getBody();
        assertThat(report.path("rows").asInt()).isEqualTo(10);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("duplicates").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(6);
        JsonNode results = report.path("results");
        // The first complaint's text spans lines 2 and 3 of the file, so the next record starts on line 4; its
        // repeat takes lines 5 and 6.
        assertThat(results)
                .extracting(r -> r.path("row").asInt() + " " + r.path("status").asText() + " "
                        + r.path("externalId").asText())
                .containsExactly(
                        "2 created ig-" + run,
                        "4 duplicate " + existing.get("externalId"),
                        "5 duplicate ig-" + run,
                        "7 rejected tt-" + run,
                        "8 rejected eb-date-" + run,
                        "9 rejected eb-text-" + run,
                        "10 rejected eb-currency-" + run,
                        "11 rejected web-" + run,
                        "12 rejected em-" + run,
                        "13 created wx-" + run);
        assertThat(results.get(1).path("caseId").asText())
                .isEqualTo(before.getBody().path("caseId").asText());
        assertThat(results.get(2).path("caseId").asText())
                .isEqualTo(results.get(0).path("caseId").asText());
        assertThat(errors(results.get(3)))
                .containsExactly("channel: must be one of instagram, ebay, wechat, email, phone, web");
        assertThat(errors(results.get(4)))
                .containsExactly(
                        "postedAt: has an invalid value 'yesterday' (expected an ISO-8601 date-time with offset, e.g. 2026-11-23T09:15:00+08:00)");
        assertThat(errors(results.get(5))).containsExactly("text: must not be blank");
        assertThat(errors(results.get(6))).containsExactly("orderCurrency: is not an ISO 4217 currency");
        assertThat(errors(results.get(7)))
                .containsExactly(
                        "customerTimezone: must be an IANA time zone such as Asia/Shanghai",
                        "orderValue: has an invalid value 'cheap' (expected a number)",
                        "orderDeliveredAt: must not be before orderShippedAt");
        assertThat(results.get(8).path("errors")).singleElement().satisfies(error -> {
            assertThat(error.has("field")).isFalse();
            assertThat(error.path("message").asText())
                    .isEqualTo(
                            "has 17 cells where the header has 16 columns (a cell with a comma, quote or line break must be in quotes)");
        });
        assertThat(intake.find(Channel.WECHAT, "wx-" + run).orElseThrow().caseId())
                .isEqualTo(results.get(9).path("caseId").asText());
        assertThat(results)
                .filteredOn(r -> !r.path("status").asText().equals("rejected"))
                .allSatisfy(r -> assertThat(r.has("errors")).isFalse());
        assertThat(results)
                .filteredOn(r -> r.path("status").asText().equals("rejected"))
                .allSatisfy(r -> assertThat(r.has("caseId")).isFalse());

        ComplaintCase opened = intake.find(Channel.INSTAGRAM, "ig-" + run).orElseThrow();
        assertThat(opened.caseId()).isEqualTo(results.get(0).path("caseId").asText());
        assertThat(opened.text()).isEqualTo(multiLine);
        assertThat(opened.receivedBy()).isEqualTo("ana");
        assertThat(intake.find(Channel.WECHAT, "wx-" + run).orElseThrow().text())
                .isEqualTo("收到的杯子碎了，包装太差了，非常失望！");
        assertThat(casesAndLifecycles("instagram", "ig-" + run)).isEqualTo("1 case, 1 lifecycle");
        assertThat(casesAndLifecycles("wechat", "wx-" + run)).isEqualTo("1 case, 1 lifecycle");
        assertThat(casesAndLifecycles("instagram", (String) existing.get("externalId")))
                .isEqualTo("1 case, 1 lifecycle");
        for (String[] rejected : List.of(
                new String[] {"ebay", "eb-date-" + run},
                new String[] {"ebay", "eb-text-" + run},
                new String[] {"ebay", "eb-currency-" + run},
                new String[] {"web", "web-" + run},
                new String[] {"email", "em-" + run})) {
            assertThat(intake.find(Channel.fromKey(rejected[0]), rejected[1]))
                    .as(rejected[1])
                    .isEmpty();
            assertThat(casesAndLifecycles(rejected[0], rejected[1]))
                    .as(rejected[1])
                    .isEqualTo("0 case, 0 lifecycle");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE external_id = :e")
                        .param("e", "tt-" + run)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void reimportingTheSameFileOpensNothingNewAndReportsTheSameCases() {
        Map<String, String> broken = complaint("ebay", "eb-" + run, "Broken");
        broken.put("orderCurrency", "usd");
        String csv = "\uFEFF"
                + csv(List.of(
                        complaint("instagram", "ig-a-" + run, "Broken"),
                        complaint("ebay", "eb-b-" + run, "Late"),
                        broken));
        JsonNode first = importCsv("sam", csv).getBody();
        long cases =
                jdbc.sql("SELECT COUNT(*) FROM cd_complaint").query(Long.class).single();

        ResponseEntity<JsonNode> again = importCsv("ana", csv);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(again.getBody().path("created").asInt()).isZero();
        assertThat(again.getBody().path("duplicates").asInt()).isEqualTo(2);
        assertThat(again.getBody().path("results"))
                .extracting(r -> r.path("status").asText())
                .containsExactly("duplicate", "duplicate", "rejected");
        assertThat(again.getBody().path("results"))
                .extracting(r -> r.path("caseId").asText())
                .containsExactlyElementsOf(caseIds(first));
        assertThat(errors(again.getBody().path("results").get(2)))
                .containsExactly("orderCurrency: must be an ISO 4217 code such as USD or CNY");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint")
                        .query(Long.class)
                        .single())
                .isEqualTo(cases);
        assertThat(intake.find(Channel.INSTAGRAM, "ig-a-" + run).orElseThrow().receivedBy())
                .isEqualTo("sam");
    }

    @Test
    void importRequiresCredentialsAndTheRightRole() {
        String csv = csv(List.of(complaint("instagram", "ig-" + run, "Broken")));

        ResponseEntity<String> anonymous = http.postForEntity("/api/complaints/import", entity(csv), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(importCsv("audrey", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(intake.find(Channel.INSTAGRAM, "ig-" + run)).isEmpty();
    }

    static List<Arguments> wrongHeaders() {
        return List.of(
                Arguments.of(
                        "channel,externalId,postedAt,colour,language,customerId,size",
                        List.of(
                                "colour: is not a known column",
                                "size: is not a known column",
                                "text: is a required column and missing from the header")),
                Arguments.of(
                        "channel,externalId,text,customerId,likes,likes",
                        List.of(
                                "likes: appears more than once",
                                "postedAt: is a required column and missing from the header",
                                "language: is a required column and missing from the header")),
                Arguments.of(
                        "channel,externalId,postedAt,text,language,customerId,", List.of("column 7: has no name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongHeaders")
    void importRefusesAHeaderWithUnknownOrMissingColumnsAndStoresNothing(String header, List<String> problems) {
        String externalId = "ig-" + run;
        String csv = header + "\r\ninstagram," + externalId + ",2026-11-20T10:00:00Z,Broken,en,c-1,3\r\n";

        ResponseEntity<JsonNode> response = importCsv("ana", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response.getBody())).containsExactlyElementsOf(problems);
        assertThat(response.getBody().path("detail").asText())
                .startsWith("The header line has " + problems.size() + " problem(s): ")
                .contains(problems.get(0).replace(":", ""))
                .contains("The known columns are channel,externalId,postedAt,text,language,customerId,customerName,")
                .endsWith("nothing was imported.");
        assertThat(intake.find(Channel.INSTAGRAM, externalId)).isEmpty();
    }

    static List<Arguments> unreadableFiles() {
        String header = String.join(",", HEADER) + "\n";
        String goodFirstRow = csv(List.of(complaint("web", "web-" + UUID.randomUUID(), "Broken")));
        return List.of(
                Arguments.of(
                        "empty",
                        new byte[0],
                        "The file is empty: it needs a header line naming the columns"
                                + " (channel,externalId,postedAt,text,language,customerId at least), then one complaint per line."),
                Arguments.of(
                        "header only",
                        header.getBytes(StandardCharsets.UTF_8),
                        "The file has a header but no complaint after it."),
                Arguments.of(
                        "JSON",
                        "{\"channel\": \"instagram\", \"externalId\": \"ig-1\"}".getBytes(StandardCharsets.UTF_8),
                        "The first line of the file is not a header of known columns. A CSV file for the import starts with"
                                + " a line such as channel,externalId,postedAt,text,language,customerId; the known columns are "),
                Arguments.of(
                        "Latin-1",
                        (goodFirstRow + "w-" + UUID.randomUUID()
                                        + ",web,2026-11-20T10:00:00Z,Caf\u00e9 cup broke,fr,c-1,,,,,,,,,,\n")
                                .getBytes(StandardCharsets.ISO_8859_1),
                        "The file is not UTF-8 text: line 3 has bytes that are not UTF-8. Save it as \"CSV UTF-8\"; nothing was imported."),
                Arguments.of(
                        "unclosed quote",
                        (goodFirstRow + "w-" + UUID.randomUUID()
                                        + ",web,2026-11-20T10:00:00Z,\"never closed,en,c-1,,,,,,,,,,\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "The file is not valid CSV: line 3: a quoted cell starts here and is never closed"
                                + " (a quote inside a quoted cell must be doubled: \"\"). Nothing was imported."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void importRefusesAFileThatIsNotUtf8CsvWithAMessageAndStoresNothing(String name, byte[] file, String message) {
        long cases =
                jdbc.sql("SELECT COUNT(*) FROM cd_complaint").query(Long.class).single();

        ResponseEntity<JsonNode> response = importCsv("ana", file);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asText()).startsWith(message);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint")
                        .query(Long.class)
                        .single())
                .isEqualTo(cases);
    }

    @Test
    void importRefusesAFileOverOneMebibyteWith413AndStoresNothing() {
        StringBuilder csv = new StringBuilder(csv(List.of()));
        for (int i = 0; csv.length() <= ComplaintImport.MAX_BYTES; i++) {
            csv.append(line(complaint("web", "big-" + run + "-" + i, "Broken " + "x".repeat(3000))));
        }

        ResponseEntity<JsonNode> response = importCsv("ana", csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().path("detail").asText())
                .isEqualTo(
                        "The file is " + csv.length() + " bytes;"
                                + " at most 1 MiB (1048576 bytes) is imported at once. Split it into smaller files; nothing was imported.");
        assertThat(intake.find(Channel.WEB, "big-" + run + "-0")).isEmpty();
    }

    @Test
    void importRefusesMoreThanAThousandRowsWith413AndStoresNothing() {
        String csv = csv(IntStream.range(0, ComplaintImport.MAX_ROWS + 1)
                .mapToObj(i -> complaint("web", "many-" + run + "-" + i, "Broken"))
                .toList());

        ResponseEntity<JsonNode> response = importCsv("ana", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().path("detail").asText())
                .isEqualTo("The file has 1001 complaints; at most 1000"
                        + " are imported at once. Split it into smaller files; nothing was imported.");
        assertThat(intake.find(Channel.WEB, "many-" + run + "-0")).isEmpty();
    }

    @Test
    void importSaysWhichContentTypeItTakesWhenAFileIsSentAsAForm() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String csv = csv(List.of(complaint("instagram", "ig-" + run, "Broken")));

        ResponseEntity<JsonNode> response = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity(
                        "/api/complaints/import",
                        new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers),
                        JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getBody().path("detail").asText())
                .isEqualTo("The request has Content-Type 'application/x-www-form-urlencoded'; send the file as text/csv"
                        + " (curl: -H 'Content-Type: text/csv' --data-binary @file.csv).");
        assertThat(intake.find(Channel.INSTAGRAM, "ig-" + run)).isEmpty();
    }

    @Test
    void theApiDocsDescribeTheImportAsACsvUpload() {
        JsonNode docs = http.withBasicAuth("ana", TestDatabase.password()).getForObject("/api/openapi", JsonNode.class);

        JsonNode post = docs.path("paths").path("/api/complaints/import").path("post");
        assertThat(post.path("summary").asText()).startsWith("Import complaints from a CSV file");
        assertThat(post.path("requestBody").path("content").has("text/csv")).isTrue();
        assertThat(post.path("responses").has("413")).isTrue();
        assertThat(post.path("responses").has("415")).isTrue();
    }

    @Test
    void theShopAndTheShippingAddressColumnsReachTheExtortionRiskAssessment() throws Exception {
        String header = "channel,externalId,postedAt,text,language,customerId,orderId,orderValue,orderCurrency,"
                + "shipCountry,shipRegion,shipCity,shipPostalCode,shipRemote,shopId,shopOpenedOn,shopCountry";
        String posted = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).toString();
        String csv = header + "\r\n"
                + "instagram,ig-ship-" + run + "," + posted + ",The mug broke,en,c-" + run
                + ",ord-1,9.90,USD,NO,Svalbard,Longyearbyen,9170,true,shop-1,2026-11-01,CN\r\n"
                + "instagram,ig-ship-bad-" + run + "," + posted + ",The mug broke,en,c-" + run
                + ",ord-2,9.90,USD,Norway,,,,maybe,,tomorrow,CN\r\n";

        ResponseEntity<JsonNode> response = importCsv("ana", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode results = response.getBody().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("created");
        assertThat(results.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(errors(results.get(1)))
                .containsExactlyInAnyOrder(
                        "shipRemote: has an invalid value 'maybe' (expected true or false)",
                        "shopOpenedOn: has an invalid value 'tomorrow' (expected an ISO-8601 date, e.g. 2026-11-20)",
                        "shipCountry: must be an ISO 3166 country code such as CN or US");
        JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(jdbc.sql("SELECT payload FROM cd_complaint WHERE channel = 'instagram' AND external_id = :e")
                        .param("e", "ig-ship-" + run)
                        .query(String.class)
                        .single());
        assertThat(stored.at("/order/shippingAddress/country").asText()).isEqualTo("NO");
        assertThat(stored.at("/order/shippingAddress/remote").asBoolean()).isTrue();
        assertThat(stored.at("/shop/openedOn").asText()).isEqualTo("2026-11-01");
        assertThat(stored.at("/shop/country").asText()).isEqualTo("CN");
        // E3 (a shop opened weeks ago) and E5 (a remote address abroad) count in the assessment at triage
        String signals = jdbc.sql(
                        "SELECT extortion_signals FROM cd_complaint WHERE channel = 'instagram' AND external_id = :e")
                .param("e", "ig-ship-" + run)
                .query(String.class)
                .single();
        assertThat(signals).contains("E3").contains("E5");
    }

    /** A complete, valid row for {@link #HEADER}, posted half an hour ago. */
    private static Map<String, String> complaint(String channel, String externalId, String text) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("externalId", externalId);
        row.put("channel", channel);
        row.put(
                "postedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).toString());
        row.put("text", text);
        row.put("language", "en");
        row.put("customerId", "cust-" + externalId);
        row.put("customerName", "Mia Chen");
        row.put("customerTimezone", "America/New_York");
        row.put("orderId", "ord-" + externalId);
        row.put("orderValue", "38.50");
        row.put("orderCurrency", "USD");
        row.put("orderShippedAt", "2026-11-14T10:00:00Z");
        row.put("orderDeliveredAt", "2026-11-19T15:30:00Z");
        row.put("productSku", "MUG-CER-350");
        row.put("productFragile", "TRUE");
        row.put("likes", "3");
        return row;
    }

    /** The header line and one line per row, quoted where a cell needs it, lines ending with CRLF. */
    private static String csv(List<Map<String, String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(Map<String, String> row) {
        return HEADER.stream().map(column -> quoted(row.get(column))).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quoted(String cell) {
        return cell.matches("(?s).*[,\"\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static List<String> caseIds(JsonNode report) {
        List<String> caseIds = new ArrayList<>();
        report.path("results").forEach(r -> caseIds.add(r.path("caseId").asText()));
        return caseIds;
    }

    private static List<String> errors(JsonNode withErrors) {
        List<String> errors = new ArrayList<>();
        withErrors
                .path("errors")
                .forEach(e -> errors.add(
                        e.path("field").asText() + ": " + e.path("message").asText()));
        return errors;
    }

    private String casesAndLifecycles(String channel, String externalId) {
        long cases = jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = :c AND external_id = :e")
                .param("c", channel)
                .param("e", externalId)
                .query(Long.class)
                .single();
        long lifecycles = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(channel + ":" + externalId)
                .count();
        return cases + " case, " + lifecycles + " lifecycle";
    }

    private ResponseEntity<JsonNode> importCsv(String user, String csv) {
        return importCsv(user, csv.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<JsonNode> importCsv(String user, byte[] csv) {
        return http.withBasicAuth(user, TestDatabase.password())
                .postForEntity("/api/complaints/import", entity(csv), JsonNode.class);
    }

    private static HttpEntity<byte[]> entity(String csv) {
        return entity(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpEntity<byte[]> entity(byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return new HttpEntity<>(csv, headers);
    }
}
