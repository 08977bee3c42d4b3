package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue #15, "Lockout cannot be used against the shop": a stranger guessing the administrator's password slows down
 * only their own guesses, and never locks the account. The sources are told apart by {@code X-Forwarded-For}, which
 * the test profile trusts as the postgres profile does behind its proxy ({@code server.forward-headers-strategy=framework});
 * the waits are the defaults (1 s, doubling up to 30 s), and the sources are addresses no other test uses, so the
 * counts of the shared test context stay this test's own.
 */
@AppTest
class LoginThrottleAppTest {

    private static final String OFFICE = "198.51.100.9";
    private static final String WRONG = "Wrong-Password-1!";
    private static final long FIRST_WAIT_MILLIS = 1000;

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirtyWrongPasswordsForTheAdministratorOverHttpBasicSlowDownTheirSourceAndLockNothing() throws Exception {
        String stranger = "203.0.113.7";
        long start = System.nanoTime();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(basic(stranger, "admin", WRONG));
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answers.subList(0, 5))
                .allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertTooManyAttemptsLater(answers, elapsedMillis);
        assertNotLocked("admin");

        // the administrator, from anywhere else, gets in at once
        assertThat(basic(OFFICE, "admin", TestDatabase.password()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // from the stranger's address too, with the right password, once the wait is over
        assertThat(basic(stranger, "admin", TestDatabase.password()).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(afterTheWait(() -> basic(stranger, "admin", TestDatabase.password())))
                .isEqualTo(HttpStatus.OK);
        // and that success cleared the count of that address for the administrator
        assertThat(basic(stranger, "admin", WRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertNotLocked("admin");
    }

    @Test
    void thirtyWrongPasswordsForTheAdministratorAtTheWebappLoginSlowDownTheirSourceAndLockNothing() throws Exception {
        String stranger = "203.0.113.8";
        long start = System.nanoTime();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(webappLogin(stranger, "admin", WRONG));
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answers.subList(0, 5))
                .allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertTooManyAttemptsLater(answers, elapsedMillis);
        assertNotLocked("admin");

        assertThat(webappLogin(OFFICE, "admin", TestDatabase.password()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(basic(stranger, "admin", TestDatabase.password()).getStatusCode())
                .as("HTTP Basic from the same address waits too: one count for both ways in")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // the form reaches the webapp unchanged after the filter has read the user name from it
        assertThat(afterTheWait(() -> webappLogin(stranger, "admin", TestDatabase.password())))
                .isEqualTo(HttpStatus.OK);
        assertNotLocked("admin");
    }

    @Test
    void theRightPasswordForAnAppTheUserMayNotUseCountsAsNoFailure() {
        String source = "203.0.113.9";
        // lena (an agent) may use Tasklist but not the Admin app: 403, yet her password was right
        for (int i = 0; i < 8; i++) {
            assertThat(webappLogin(source, "lena", TestDatabase.password()).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(webappLogin(source, "lena", TestDatabase.password(), "tasklist")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Camunda's {@code POST /identity/verify} checks a password too: it cannot be used to guess around the throttle. */
    @Test
    void theEngineApisPasswordCheckIsThrottledToo() {
        String source = "203.0.113.10";
        for (int i = 0; i < 5; i++) {
            assertThat(verify(source, "lena", WRONG)).contains("\"authenticated\":false");
        }
        assertThat(verify(source, "lena", TestDatabase.password()))
                .as("no password is checked while the address waits")
                .contains("\"authenticated\":false");
        assertThat(verify(OFFICE, "lena", TestDatabase.password())).contains("\"authenticated\":true");
        assertNotLocked("lena");
    }

    private void assertTooManyAttemptsLater(List<ResponseEntity<String>> answers, long elapsedMillis) {
        List<ResponseEntity<String>> later = answers.subList(5, answers.size());
        assertThat(later).allSatisfy(a -> assertThat(a.getStatusCode())
                .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS));
        List<ResponseEntity<String>> refused = later.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS)
                .toList();
        assertThat(refused).isNotEmpty().allSatisfy(a -> {
            assertThat(Long.parseLong(a.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                    .isBetween(1L, 30L);
            assertThat(a.getBody()).contains("TooManyLoginAttempts");
        });
        // a password was checked at most once per wait that passed: the waits are 1 s or longer
        long checked = later.size() - refused.size();
        assertThat(checked).isLessThanOrEqualTo(1 + elapsedMillis / FIRST_WAIT_MILLIS);
    }

    private void assertNotLocked(String user) {
        assertThat(identity.checkPassword(user, TestDatabase.password()))
                .as("right password")
                .isTrue();
        Map<String, Object> row =
                jdbc.queryForMap("select ATTEMPTS_, LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?", user);
        assertThat(row.get("ATTEMPTS_")).as("attempts Camunda counted").isIn(null, 0);
        assertThat(row.get("LOCK_EXP_TIME_")).as("Camunda's lock").isNull();
    }

    /** The first answer other than 429 when trying again after each Retry-After, within 45 s. */
    private HttpStatus afterTheWait(java.util.function.Supplier<ResponseEntity<String>> attempt)
            throws InterruptedException {
        long deadline = System.nanoTime() + 45_000_000_000L;
        ResponseEntity<String> answer = attempt.get();
        while (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)) * 1000);
            answer = attempt.get();
        }
        return HttpStatus.valueOf(answer.getStatusCode().value());
    }

    private ResponseEntity<String> basic(String source, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.add("X-Forwarded-For", source);
        return http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String verify(String source, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", TestDatabase.password());
        headers.add("X-Forwarded-For", source);
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        ResponseEntity<String> answer = http.exchange(
                "/engine-rest/identity/verify", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<String> webappLogin(String source, String user, String password) {
        return webappLogin(source, user, password, "admin");
    }

    /** The login as the webapps' login page sends it: with the session cookie and CSRF token of the page. */
    private ResponseEntity<String> webappLogin(String source, String user, String password, String webapp) {
        HttpHeaders pageHeaders = new HttpHeaders();
        pageHeaders.add("X-Forwarded-For", source);
        ResponseEntity<String> page = http.exchange(
                "/camunda/app/" + webapp + "/default/", HttpMethod.GET, new HttpEntity<>(pageHeaders), String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Forwarded-For", source);
        headers.add(
                HttpHeaders.COOKIE,
                String.join(
                        "; ",
                        page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                                .map(c -> c.substring(0, c.indexOf(';')))
                                .toList()));
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.setAll(Map.of("username", user, "password", password));
        return http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/" + webapp, new HttpEntity<>(form, headers), String.class);
    }
}
