package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Fuzz test of reading a signed Instagram delivery ({@link InstagramDelivery#read}): any JSON object Meta could send
 * is read into changes without an exception; what is not JSON is the controller's 400. Seeds in
 * src/test/resources/…/InstagramDeliveryFuzzTestInputs.
 */
class InstagramDeliveryFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "30s")
    void delivery(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return; // UNREADABLE: 400
        }
        if (root == null || !root.isObject()) {
            return; // UNREADABLE: 400
        }
        InstagramDelivery delivery = InstagramDelivery.read(root);
        assertThat(delivery.changes()).isNotNull().doesNotContainNull();
    }
}
