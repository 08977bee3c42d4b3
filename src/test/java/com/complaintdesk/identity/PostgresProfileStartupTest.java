package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.ComplaintDeskApplication;
import com.complaintdesk.support.WebappDelegates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile's own start-up rules, checked on a throw-away in-memory database. */
@ExtendWith(WebappDelegates.class)
class PostgresProfileStartupTest {

    private static String[] args(String adminPassword) {
        String db = "jdbc:h2:mem:profile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new String[] {
            "--spring.datasource.url=" + db,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--complaintdesk.admin.password=" + adminPassword,
            "--server.port=0",
            "--camunda.bpm.process-engine-name=profilecheck"
                    + UUID.randomUUID().toString().substring(0, 8),
            "--camunda.bpm.job-execution.enabled=false",
            "--logging.level.root=warn"
        };
    }

    @Test
    void postgresProfileRefusesToStartWithoutAnAdministratorPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ComplaintDeskApplication.class)
                        .profiles("postgres")
                        .run(args(""))
                        .close())
                .hasStackTraceContaining("COMPLAINTDESK_ADMIN_PASSWORD");
    }

    @Test
    void postgresProfileSendsHstsOnRequestsThatArrivedOverTls() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ComplaintDeskApplication.class)
                .profiles("postgres")
                .run(args("Adm1n-" + UUID.randomUUID()))) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> viaTls = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .header("X-Forwarded-Proto", "https")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(viaTls.statusCode()).isEqualTo(200);
            assertThat(viaTls.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(value -> assertThat(value).contains("max-age="));
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure"))
                    .isEqualTo("true");
            assertThat(app.getEnvironment().getProperty("complaintdesk.demo.enabled"))
                    .isEqualTo("false");
        }
    }
}
