package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.complaintdesk.common.Utf8;
import com.complaintdesk.web.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz tests of what reads a complaint from outside: the JSON of {@code POST /api/complaints} with its checks, and the
 * CSV parser of the import. Whatever the bytes, the only failures are the ones answered with a 4xx (unreadable JSON,
 * a constraint, {@link InvalidRequestException}, {@link CsvParser.FormatException}); anything else is a finding.
 * In the normal suite they run over the committed seeds (src/test/resources/…/IntakeFuzzTestInputs); README
 * "Reliability and security proof" says how to fuzz for a while.
 */
class IntakeFuzzTest {

    /** As the application's mapper reads request bodies (application.yaml, spring.jackson). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** Only its checks are used: no repository, process or transaction is touched by {@code validate}. */
    static final ComplaintIntake INTAKE = new ComplaintIntake(null, null, null, null, JSON, null);

    @FuzzTest(maxDuration = "30s")
    void complaintJson(byte[] body) {
        if (Utf8.hasNul(body) || Utf8.problem(body).isPresent()) {
            return; // refused before Jackson reads it (StrictUtf8Bodies)
        }
        ComplaintRequest request;
        try {
            request = JSON.readValue(body, ComplaintRequest.class);
        } catch (JsonProcessingException e) {
            return; // 400: not valid JSON, or a field of the wrong type
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (request == null || !VALIDATOR.validate(request).isEmpty()) {
            return; // 400 naming the fields
        }
        try {
            INTAKE.validate(request);
        } catch (InvalidRequestException e) {
            assertThat(e.problems()).isNotEmpty();
            return;
        }
        // accepted: it can be stored and its clocks started
        assertThat(request.text()
                        .codePoints()
                        .filter(c -> Character.getType(c) == Character.CONTROL)
                        .allMatch(c -> c == '\t' || c == '\n' || c == '\r'))
                .isTrue();
        assertThat(request.postedAt().toLocalDate()).isAfterOrEqualTo(ComplaintIntake.EARLIEST_POST);
        assertThat(request.text().length()).isLessThanOrEqualTo(4000);
    }

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        List<CsvParser.Row> rows;
        try {
            rows = CsvParser.parse(text);
        } catch (CsvParser.FormatException e) {
            assertThat(e.line()).isPositive();
            return; // 400 naming the line
        }
        int previous = 0;
        for (CsvParser.Row row : rows) {
            assertThat(row.line()).isGreaterThan(previous);
            assertThat(row.cells()).isNotNull().doesNotContainNull();
            previous = row.line();
        }
    }
}
