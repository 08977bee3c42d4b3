package com.complaintdesk.intake;

import com.complaintdesk.identity.EngineAuthentication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Default profile only: a handful of realistic complaints (English and Chinese; Instagram, eBay, WeChat, email)
 * go through the normal intake at start-up, so Tasklist has work the moment a newcomer logs in. Each is
 * received once: on a restart they are duplicates and open nothing new. Times are relative to the first start
 * ({@code postedMinutesAgo}); one is already past its deadline so the escalation path shows too.
 */
@Component
class SampleComplaints {

    private static final Logger log = LoggerFactory.getLogger(SampleComplaints.class);

    private final ComplaintIntake intake;
    private final EngineAuthentication engine;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String receivingUser;

    SampleComplaints(
            ComplaintIntake intake,
            EngineAuthentication engine,
            ObjectMapper json,
            @Value("${complaintdesk.demo.enabled:false}") boolean demo,
            @Value("${complaintdesk.demo.samples:false}") boolean samples,
            @Value("${complaintdesk.admin.user-id:admin}") String receivingUser) {
        this.intake = intake;
        this.engine = engine;
        this.json = json;
        this.enabled = demo && samples;
        this.receivingUser = receivingUser;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void receiveSamples() {
        if (!enabled) {
            return;
        }
        long opened = engine.as(receivingUser, () -> load().stream()
                .filter(request -> intake.receive(request).created())
                .count());
        log.info("Sample complaints: {} new case(s) opened", opened);
    }

    List<ComplaintRequest> load() {
        try (InputStream in = new ClassPathResource("samples/complaints.json").getInputStream()) {
            JsonNode samples = json.readTree(in);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return java.util.stream.StreamSupport.stream(samples.spliterator(), false)
                    .map(sample -> {
                        ObjectNode node = ((ObjectNode) sample).deepCopy();
                        long minutesAgo = node.remove("postedMinutesAgo").asLong();
                        node.put("postedAt", now.minusMinutes(minutesAgo).toString());
                        return json.convertValue(node, ComplaintRequest.class);
                    })
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read samples/complaints.json", e);
        }
    }
}
