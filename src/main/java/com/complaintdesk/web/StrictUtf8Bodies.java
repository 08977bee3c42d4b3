package com.complaintdesk.web;

import com.complaintdesk.common.Utf8;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body of the application's API must be well-formed UTF-8 without a raw NUL before Jackson reads it
 * (Jackson would take some malformed sequences, and leading NULs make it read UTF-32): otherwise 400, "The request
 * body is not valid JSON: … not valid UTF-8" or "… contains a NUL byte".
 */
@ControllerAdvice(basePackages = "com.complaintdesk")
class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converter)
            throws IOException {
        if (input.getHeaders().getContentType() == null
                || !input.getHeaders().getContentType().getSubtype().contains("json")) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        Optional<String> problem =
                Utf8.hasNul(body) ? Optional.of("contains a NUL byte, which JSON does not allow") : Utf8.problem(body);
        if (problem.isPresent()) {
            throw new HttpMessageNotReadableException("The request body " + problem.get(), input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
