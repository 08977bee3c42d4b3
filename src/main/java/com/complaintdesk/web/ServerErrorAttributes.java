package com.complaintdesk.web;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of Spring Boot's error answers ({@code server.error.include-message: always}, so a 4xx says what is
 * wrong), except that a 5xx never carries its exception's message to the caller: that text can hold SQL, table
 * names or values of other cases. The caller gets a reference instead, and the log has the reference with the
 * whole exception.
 */
@Component
public class ServerErrorAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        // the status as the container set it: the "status" attribute is there only when the options include it
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST)
                        instanceof Integer status
                && status >= 500) {
            String reference = UUID.randomUUID().toString();
            attributes.put("message", "Internal error; the server log has it under reference " + reference);
            attributes.put("reference", reference);
            attributes.remove("exception");
            attributes.remove("trace");
            attributes.remove("errors");
            log.error(
                    "Answered {} with reference {} for {}",
                    status,
                    reference,
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST),
                    getError(request));
        }
        return attributes;
    }
}
