package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.complaintdesk.support.WebappSession;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who reaches the auditors' pages and API: auditors, supervisors, owners and administrators read; nobody writes. */
@AppTest
class AuditAccessAppTest {

    private static final List<String> PATHS = List.of(
            "/api/audit/cases",
            "/api/audit/cases/export?format=csv",
            "/api/audit/cases/no-such-case",
            "/api/audit/cases/no-such-case/timeline",
            "/audit/",
            "/audit/index.html",
            "/audit/case.html?id=x",
            "/audit/timeline.html?id=x",
            "/audit/search.js",
            "/audit/timeline.js");

    @Autowired
    TestRestTemplate http;

    @Test
    void auditorsSupervisorsOwnersAndAdministratorsReadTheAuditPagesAndApi() {
        for (String user : List.of("audrey", "sam", "olga", "admin")) {
            assertThat(get(user, "/api/audit/cases").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> page = get(user, "/audit/");
            assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("Case search / 案件查询");
        }
        ResponseEntity<String> casePage = get("audrey", "/audit/case.html?id=x");
        assertThat(casePage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(casePage.getBody()).contains("Case file / 案件档案");
        ResponseEntity<String> timelinePage = get("olga", "/audit/timeline.html?id=x");
        assertThat(timelinePage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timelinePage.getBody()).contains("Case timeline / 案件时间线");
        // /audit redirects to /audit/ (which the client may have followed already)
        ResponseEntity<String> bare = get("audrey", "/audit");
        if (bare.getStatusCode().is3xxRedirection()) {
            assertThat(bare.getHeaders().getLocation().getPath()).isEqualTo("/audit/");
        } else {
            assertThat(bare.getBody()).contains("Case search / 案件查询");
        }
    }

    @Test
    void agentsLegalAndProcessOwnersGetForbiddenEverywhereInTheAuditArea() {
        for (String user : List.of("ana", "ben", "lena", "pete")) {
            for (String path : PATHS) {
                assertThat(get(user, path).getStatusCode())
                        .as(user + " " + path)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void withoutCredentialsTheBrowserIsAskedToLogIn() {
        for (String path : PATHS) {
            ResponseEntity<String> anonymous = http.getForEntity(URI.create(path), String.class);
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .as(path)
                    .isEqualTo("Basic realm=\"Complaint Desk\"");
        }
    }

    @Test
    void nothingInTheAuditAreaAcceptsAChange() {
        for (String user : List.of("audrey", "admin")) {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
                for (String path : List.of("/api/audit/cases", "/api/audit/cases/x", "/audit/index.html")) {
                    ResponseEntity<String> change = http.withBasicAuth(user, TestDatabase.password())
                            .exchange(URI.create(path), method, json("{}"), String.class);
                    assertThat(change.getStatusCode())
                            .as(user + " " + method + " " + path)
                            .isEqualTo(HttpStatus.FORBIDDEN);
                }
            }
        }
    }

    @Test
    void aWebappLoginInTheSameBrowserOpensTheAuditPagesForAnAuditorButNotForAnAgent() {
        String auditor = webappSession("audrey", "cockpit");
        String agent = webappSession("ana", "tasklist");

        ResponseEntity<String> page = withCookie(auditor, "/audit/");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        // the webapps' session stays as it is: reading it logs nobody in again
        assertThat(page.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(withCookie(auditor, "/api/audit/cases?size=1").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(withCookie(agent, "/audit/").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withCookie(agent, "/api/audit/cases").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withCookie("JSESSIONID=not-a-session", "/audit/").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Logs in as the login page of Cockpit or Tasklist does and returns the session cookie. */
    private String webappSession(String user, String webapp) {
        return WebappSession.of(http, user, webapp).cookies();
    }

    private ResponseEntity<String> withCookie(String cookie, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(URI.create(path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, TestDatabase.password()).getForEntity(URI.create(path), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
