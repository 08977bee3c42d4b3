package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleComplaintsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final SampleComplaints samples = new SampleComplaints(null, null, json, true, true, "admin");

    @Test
    void everySampleComplaintPassesTheIntakeValidation() {
        List<ComplaintRequest> requests = samples.load();
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(requests).allSatisfy(request -> assertThat(validator.validate(request))
                    .isEmpty());
        }
        ComplaintIntake intake = new ComplaintIntake(
                null,
                null,
                null,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(),
                json,
                event -> {});
        requests.forEach(intake::validate);
    }

    @Test
    void samplesCoverTheThreeSocialChannelsInEnglishAndChinese() {
        List<ComplaintRequest> requests = samples.load();

        assertThat(requests)
                .extracting(ComplaintRequest::channel)
                .contains(Channel.INSTAGRAM, Channel.EBAY, Channel.WECHAT);
        assertThat(requests).extracting(ComplaintRequest::language).contains("en", "zh-CN");
        assertThat(requests).extracting(r -> r.channel() + ":" + r.externalId()).doesNotHaveDuplicates();
    }
}
