package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue #15, item 7: {@code /webhooks/ebay} is open to anyone, and each notification names the key its signature is
 * checked with. Made-up key ids must cost one getPublicKey call at most (then "unknown" is remembered), a slow eBay
 * must not hold the webhook longer than the short timeout, and a flood of such notifications must leave the rest of
 * the application answering. getPublicKey is WireMock ({@link com.complaintdesk.support.EbayStub}); the defaults of
 * application.yaml apply: two-second timeout, two calls at once, unknown ids remembered ten minutes.
 */
class EbayPublicKeyAppTest extends EbayAppTestBase {

    /** complaintdesk.channels.ebay.public-keys.timeout in application.yaml. */
    static final Duration KEY_TIMEOUT = Duration.ofSeconds(2);

    private static final KeyPair KEY = ecKey();

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    /** Not TestRestTemplate: its pooled client would queue the flood itself, a few connections at a time. */
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void fiftyNotificationsNamingTheSameUnknownKeyIdCallGetPublicKeyOnce() throws Exception {
        String kid = "unknown-" + UUID.randomUUID();
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"errors\":[{\"errorId\":195001,\"message\":\"The public key was not found.\"}]}")));

        List<Answer> concurrent = flood(50, i -> kid);
        List<Answer> afterwards = flood(5, i -> kid);

        EBAY.verify(1, getRequestedFor(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid)));
        // eBay said "not found": a wrong signature; those that came while it was asked were told to come back
        assertThat(concurrent).extracting(Answer::status).containsOnly(412, 503).contains(412);
        assertThat(afterwards).extracting(Answer::status).containsOnly(412);
    }

    @Test
    void aSlowEbayHoldsTheWebhookNoLongerThanTheTimeoutAndTheApplicationKeepsAnswering() throws Exception {
        EBAY.stubFor(get(urlPathMatching(EbayApi.PUBLIC_KEY + "slow-.*"))
                .willReturn(okJson("{}")
                        .withFixedDelay((int) KEY_TIMEOUT.multipliedBy(3).toMillis())));
        int notifications = 50;
        ExecutorService pool = Executors.newFixedThreadPool(notifications);
        long started = System.nanoTime();
        try {
            List<Future<Answer>> inFlight = submit(pool, notifications, i -> "slow-" + UUID.randomUUID());
            Thread.sleep(300);

            // while they are in flight: an ordinary authenticated API call, and the health check
            long before = System.nanoTime();
            ResponseEntity<String> api = rest.withBasicAuth("ana", TestDatabase.password())
                    .getForEntity("/api/complaints/" + UUID.randomUUID(), String.class);
            Duration apiTook = Duration.ofNanos(System.nanoTime() - before);
            before = System.nanoTime();
            ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
            Duration healthTook = Duration.ofNanos(System.nanoTime() - before);

            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : inFlight) {
                answers.add(answer.get());
            }
            Duration all = Duration.ofNanos(System.nanoTime() - started);

            assertThat(api.getStatusCode().is4xxClientError())
                    .as("answered, as ana may see it: %s", api)
                    .isTrue();
            assertThat(api.getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(apiTook).as("the API call during the flood").isLessThan(Duration.ofSeconds(2));
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(healthTook).as("the health check during the flood").isLessThan(Duration.ofSeconds(2));
            // every notification is told to come again (503), none waits for eBay's six seconds
            assertThat(answers).extracting(Answer::status).containsOnly(503);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.took())
                    .isLessThan(KEY_TIMEOUT.plus(Duration.ofSeconds(2))));
            // at most two calls at a time, each ended by the timeout: never one per notification
            long calls = EBAY.findAll(getRequestedFor(urlPathMatching(EbayApi.PUBLIC_KEY + "slow-.*")))
                    .size();
            assertThat(calls).isBetween(1L, 2L * (1 + all.toMillis() / KEY_TIMEOUT.toMillis()));
            assertThat(calls).isLessThan(notifications / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKnownKeyIsFetchedOnceAndVerifiesEveryNotification() throws Exception {
        String kid = "known-" + UUID.randomUUID();
        publish(kid);

        List<Answer> first = flood(1, i -> kid);
        List<Answer> more = flood(5, i -> kid);

        assertThat(first).extracting(Answer::status).containsOnly(204);
        assertThat(more).extracting(Answer::status).containsOnly(204);
        EBAY.verify(1, getRequestedFor(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid)));
        // and a body it did not sign is still refused with that key
        String body = EbayNotificationAppTest.notification(
                UUID.randomUUID().toString(), entry(feedbackId(), "POSITIVE", "Lovely", "fan"));
        assertThat(send(body, header(kid, sign(body + " "))).status()).isEqualTo(412);
        EBAY.verify(1, getRequestedFor(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid)));
    }

    @Test
    void anEbayFailureIsNotRememberedAsUnknownAndTheKeyIsTakenOnceEbayAnswers() throws Exception {
        String kid = "flaky-" + UUID.randomUUID();
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid))
                .willReturn(aResponse().withStatus(500)));

        assertThat(flood(1, i -> kid)).extracting(Answer::status).containsOnly(503);

        publish(kid);
        assertThat(flood(1, i -> kid)).extracting(Answer::status).containsOnly(204);
        EBAY.verify(2, getRequestedFor(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Answer(int status, Duration took) {}

    interface Kids {
        String kid(int i);
    }

    /** {@code count} positive-feedback notifications at once, signed with {@link #KEY} under the key id given. */
    private List<Answer> flood(int count, Kids kids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : submit(pool, count, kids)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Future<Answer>> submit(ExecutorService pool, int count, Kids kids) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = EbayNotificationAppTest.notification(
                    UUID.randomUUID().toString(), entry(feedbackId(), "POSITIVE", "Lovely mug", "fan"));
            String header = header(kids.kid(i), sign(body));
            Callable<Answer> call = () -> {
                start.await();
                return send(body, header);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        return answers;
    }

    private Answer send(String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + EbayNotificationController.PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(EbayNotificationSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long before = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - before));
    }

    private static void publish(String kid) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        EBAY.stubFor(get(urlPathEqualTo(EbayApi.PUBLIC_KEY + kid))
                .willReturn(okJson(
                        "{\"algorithm\":\"ECDSA\",\"digest\":\"SHA1\",\"key\":\"" + pem.replace("\n", "\\n") + "\"}")));
    }

    private static String sign(String body) throws Exception {
        Signature signer = Signature.getInstance("SHA1withECDSA");
        signer.initSign(KEY.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** X-EBAY-SIGNATURE naming {@code kid}. */
    private static String header(String kid, String signature) {
        String header =
                "{\"alg\":\"ECDSA\",\"kid\":\"" + kid + "\",\"signature\":\"" + signature + "\",\"digest\":\"SHA1\"}";
        return Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
