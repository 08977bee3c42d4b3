package com.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** #9: a 5xx answer carries a reference, never its exception's text; a 4xx keeps its message. */
class ServerErrorAttributesTest {

    private final ServerErrorAttributes attributes = new ServerErrorAttributes();

    @Test
    void aServerErrorHidesTheExceptionsTextBehindAReference() {
        Map<String, Object> body = answer(
                500,
                new IllegalStateException(
                        "ERROR: value too long; SQL [INSERT INTO cd_inbound_event (channel, event_key) VALUES (?, ?)]"));

        assertThat(body.get("message").toString())
                .doesNotContain("SQL", "cd_inbound_event", "INSERT")
                .contains(body.get("reference").toString());
        assertThat(body).doesNotContainKeys("exception", "trace").containsEntry("status", 500);
    }

    @Test
    void aClientErrorKeepsItsMessage() {
        Map<String, Object> body = answer(400, null);

        assertThat(body.get("message")).isEqualTo("customer.timezone must be an IANA time zone");
        assertThat(body).doesNotContainKey("reference");
    }

    private Map<String, Object> answer(int status, Exception error) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/complaints");
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "customer.timezone must be an IANA time zone");
        if (error != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        }
        return attributes.getErrorAttributes(
                new ServletWebRequest(request),
                ErrorAttributeOptions.defaults()
                        .including(ErrorAttributeOptions.Include.MESSAGE, ErrorAttributeOptions.Include.EXCEPTION));
    }
}
