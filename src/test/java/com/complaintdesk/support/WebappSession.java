package com.complaintdesk.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser's session with the Camunda webapps (Cockpit, Tasklist, Admin): logged in as their login page does, it
 * calls the webapps' API ({@code /camunda/api/…}) with the session cookie and the CSRF token, as the pages do.
 */
public final class WebappSession {

    /** The engine REST API as the webapps reach it. */
    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final TestRestTemplate http;
    private final String cookies;
    private final String csrfToken;

    private WebappSession(TestRestTemplate http, String cookies, String csrfToken) {
        this.http = http;
        this.cookies = cookies;
        this.csrfToken = csrfToken;
    }

    /** The answer of the login page of {@code webapp} ({@code tasklist}, {@code cockpit}, {@code admin}) for this user. */
    public static ResponseEntity<String> login(TestRestTemplate http, String user, String password, String webapp) {
        return attempt(http, user, password, webapp).login;
    }

    /** A session of a user whose login must succeed. */
    public static WebappSession of(TestRestTemplate http, String user, String webapp) {
        Attempt attempt = attempt(http, user, TestDatabase.password(), webapp);
        if (!attempt.login.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("login of " + user + " to " + webapp + ": " + attempt.login.getStatusCode() + " "
                    + attempt.login.getBody());
        }
        String renewed = cookies(attempt.login.getHeaders());
        String session = renewed.contains("JSESSIONID") ? renewed : attempt.cookies;
        // the session's CSRF token, as the page fetches it after the login
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.add("X-XSRF-TOKEN", "Fetch");
        ResponseEntity<String> page = http.exchange(
                "/camunda/app/" + webapp + "/default/", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        String pageCookies = cookies(page.getHeaders());
        return new WebappSession(
                http,
                pageCookies.contains("JSESSIONID") ? pageCookies : session,
                token != null ? token : attempt.token);
    }

    /** The session cookie(s), for a request of its own. */
    public String cookies() {
        return cookies;
    }

    public ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null, null);
    }

    public ResponseEntity<String> postJson(String path, String json) {
        return exchange(HttpMethod.POST, path, MediaType.APPLICATION_JSON, json);
    }

    public ResponseEntity<String> exchange(HttpMethod method, String path, MediaType type, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", csrfToken);
        if (type != null) {
            headers.setContentType(type);
        }
        return http.exchange(URI.create(path), method, new HttpEntity<>(body, headers), String.class);
    }

    private record Attempt(ResponseEntity<String> login, String cookies, String token) {}

    private static Attempt attempt(TestRestTemplate http, String user, String password, String webapp) {
        ResponseEntity<String> app = http.getForEntity("/camunda/app/" + webapp + "/default/", String.class);
        String cookies = cookies(app.getHeaders());
        String token = app.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", token);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.setAll(Map.of("username", user, "password", password));
        ResponseEntity<String> login = http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/" + webapp, new HttpEntity<>(form, headers), String.class);
        return new Attempt(login, cookies, token);
    }

    private static String cookies(HttpHeaders headers) {
        List<String> set = headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return String.join(
                "; ", set.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    }
}
