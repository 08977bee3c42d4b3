package com.complaintdesk.identity;

import com.complaintdesk.engine.Refusal;
import com.complaintdesk.web.CachedBodyRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a login attempt with 429 Too Many Requests and a Retry-After while its source address must wait
 * ({@link LoginThrottle}), before anything checks the password: HTTP Basic credentials on any request, and the
 * webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, whose user name is read from
 * the form here and the form passed on unchanged). What an attempt let through does is recorded where the password is
 * checked ({@link ThrottledIdentityProvider}, which learns the source address from here, and also refuses an attempt
 * that slipped past this filter). Runs before
 * Spring Security's filters and after the forwarded headers were applied, so the source is
 * {@link HttpServletRequest#getRemoteAddr()} as the application sees it.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    /** A login form is a user name and a password; a larger body is refused rather than read. */
    static final int MAX_FORM_BYTES = 16 * 1024;

    private final LoginThrottle throttle;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest onward = request;
        String account;
        if (isWebappLogin(request)) {
            byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
                return;
            }
            onward = new CachedBodyRequest(request, body);
            account = body.length == 0 ? request.getParameter("username") : formValue(request, body, "username");
        } else {
            account = basicUser(request);
        }
        if (onward != request || account != null) {
            Duration wait = throttle.waitBefore(request.getRemoteAddr(), account);
            if (!wait.isZero()) {
                tooManyAttempts(response, wait);
                return;
            }
        }
        HttpServletRequest next = onward;
        LoginThrottle.withSource(request.getRemoteAddr(), () -> chain.doFilter(next, response));
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return HttpMethod.POST.matches(request.getMethod())
                && WEBAPP_LOGIN.matcher(path).matches();
    }

    /** The user name of HTTP Basic credentials, or null without them (a malformed header is Spring Security's to refuse). */
    private String basicUser(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            return credentials == null ? null : credentials.getName();
        } catch (AuthenticationException malformed) {
            return null;
        }
    }

    /** The first value of a field of a form-encoded body, as JAX-RS's {@code @FormParam} takes it; null if none. */
    static String formValue(HttpServletRequest request, byte[] body, String field) {
        try {
            if (request.getContentType() == null
                    || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                            MediaType.parseMediaType(request.getContentType()))) {
                return null;
            }
            Charset charset = request.getCharacterEncoding() == null
                    ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
            for (String pair : new String(body, charset).split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                if (name.equals(field)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                }
            }
        } catch (IllegalArgumentException badEscapeOrCharsetOrType) {
            // whatever Jersey makes of such a form, it is no user name: the source's own wait still applies
            return null;
        }
        return null;
    }

    private static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        new Refusal(
                        HttpStatus.TOO_MANY_REQUESTS.value(),
                        "TooManyLoginAttempts",
                        "Too many failed logins from this address; try again in " + seconds + " s",
                        List.of())
                .writeTo(response, JSON);
    }
}
