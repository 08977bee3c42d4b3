package com.complaintdesk.support;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database of an {@link AppTest}: an in-memory H2 database, or the PostgreSQL database named by
 * the environment variable {@value #POSTGRES_URL_ENV} when the system property {@value #DATABASE_PROPERTY} is
 * {@code postgres}. Without that variable the PostgreSQL run skips every application test with a message
 * saying how to enable it. Also sets a random password for the test users of this JVM, so no test depends on
 * a well-known password.
 */
public class TestDatabase implements ExecutionCondition, ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE_PROPERTY = "complaintdesk.test.database";
    public static final String POSTGRES_URL_ENV = "COMPLAINTDESK_TEST_POSTGRES_URL";
    public static final String POSTGRES_USER_ENV = "COMPLAINTDESK_TEST_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD_ENV = "COMPLAINTDESK_TEST_POSTGRES_PASSWORD";

    private static final String PASSWORD = generatePassword();

    /** The password of every test user (demo users and the administrator) in this JVM. */
    public static String password() {
        return PASSWORD;
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(DATABASE_PROPERTY));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (onPostgres() && blank(System.getenv(POSTGRES_URL_ENV))) {
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: set " + POSTGRES_URL_ENV
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/complaintdesk_test) and optionally "
                    + POSTGRES_USER_ENV + "/" + POSTGRES_PASSWORD_ENV + " to run them");
        }
        return ConditionEvaluationResult.enabled(onPostgres() ? "on PostgreSQL" : "on H2");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        if (onPostgres()) {
            properties.put("spring.datasource.url", System.getenv(POSTGRES_URL_ENV));
            properties.put("spring.datasource.username", orEmpty(System.getenv(POSTGRES_USER_ENV)));
            properties.put("spring.datasource.password", orEmpty(System.getenv(POSTGRES_PASSWORD_ENV)));
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:cd-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        properties.put("complaintdesk.demo.password", PASSWORD);
        properties.put("complaintdesk.admin.password", PASSWORD);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("Tt9!");
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
