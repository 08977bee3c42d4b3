package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login throttle alone, with a clock of the test's: per (source, account) and per source, never a lock. */
class LoginThrottleTest {

    private static final String STRANGER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.9";

    private final AtomicLong now = new AtomicLong(1_000_000);

    /** 3 failures per account, 10 per source; waits of 1, 2, 4, 8, 8, … s; forgotten a minute after the last. */
    private LoginThrottle throttle(int maxEntries) {
        return new LoginThrottle(
                new LoginThrottleProperties(
                        3, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), maxEntries),
                now::get);
    }

    private void fail(LoginThrottle throttle, String source, String account) {
        assertThat(throttle.tryAttempt(source, account))
                .as("attempt for %s from %s let through", account, source)
                .isTrue();
        throttle.failed(source, account);
    }

    /** A wrong password, as the identity provider reports it, if the attempt is let through at all. */
    private static void attemptAndFail(LoginThrottle throttle, String source, String account) {
        if (throttle.tryAttempt(source, account)) {
            throttle.failed(source, account);
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toMillis());
    }

    @Test
    void afterTheFreeFailuresEachFurtherAttemptWaitsTwiceAsLongUpToTheMaximum() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBefore(STRANGER, "admin")).isZero();
            fail(throttle, STRANGER, "admin");
        }
        for (long expected : new long[] {1, 2, 4, 8, 8, 8}) {
            assertThat(throttle.waitBefore(STRANGER, "admin")).isEqualTo(Duration.ofSeconds(expected));
            assertThat(throttle.tryAttempt(STRANGER, "admin"))
                    .as("refused while waiting, no password checked")
                    .isFalse();
            advance(Duration.ofSeconds(expected).minusMillis(1));
            assertThat(throttle.tryAttempt(STRANGER, "admin")).isFalse();
            assertThat(throttle.waitBefore(STRANGER, "admin")).isEqualTo(Duration.ofMillis(1));
            advance(Duration.ofMillis(1));
            fail(throttle, STRANGER, "admin");
        }
        // the user id is no way around it: Camunda's lookup does not tell Admin from admin on every database
        assertThat(throttle.waitBefore(STRANGER, "Admin")).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void failuresFromOneSourceNeverHoldBackAnotherSource() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 9; i++) {
            advance(Duration.ofSeconds(9));
            fail(throttle, STRANGER, "admin");
        }
        assertThat(throttle.waitBefore(STRANGER, "admin")).isEqualTo(Duration.ofSeconds(8));

        assertThat(throttle.waitBefore(OFFICE, "admin")).isZero();
        assertThat(throttle.tryAttempt(OFFICE, "admin")).isTrue();
        throttle.succeeded(OFFICE, "admin");
        assertThat(throttle.waitBefore(STRANGER, "admin"))
                .as("the administrator's login clears nothing of the stranger's")
                .isPositive();
    }

    @Test
    void aSuccessClearsTheSourcesCountForThatAccount() {
        LoginThrottle throttle = throttle(100);
        fail(throttle, OFFICE, "lena");
        fail(throttle, OFFICE, "lena");
        assertThat(throttle.tryAttempt(OFFICE, "lena")).isTrue();
        throttle.succeeded(OFFICE, "lena");

        // three failures again before any wait, not one
        fail(throttle, OFFICE, "lena");
        fail(throttle, OFFICE, "lena");
        fail(throttle, OFFICE, "lena");
        assertThat(throttle.waitBefore(OFFICE, "lena")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSourceFailingForManyAccountsWaitsForEveryAccount() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 9; i++) {
            fail(throttle, STRANGER, "user" + i);
        }
        // its own successful login takes back only that attempt, not the failures before
        assertThat(throttle.tryAttempt(STRANGER, "sprayer")).isTrue();
        throttle.succeeded(STRANGER, "sprayer");
        assertThat(throttle.waitBefore(STRANGER, "user9")).isZero();
        fail(throttle, STRANGER, "user9");

        assertThat(throttle.waitBefore(STRANGER, "anyone")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.tryAttempt(STRANGER, "sprayer")).isFalse();
        assertThat(throttle.waitBefore(OFFICE, "anyone")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAWhile() {
        LoginThrottle throttle = throttle(100);
        for (int i = 0; i < 5; i++) {
            attemptAndFail(throttle, STRANGER, "admin");
            advance(Duration.ofSeconds(5));
        }
        assertThat(throttle.size()).isEqualTo(2);
        advance(Duration.ofSeconds(54));
        assertThat(throttle.waitBefore(STRANGER, "admin")).isZero();

        advance(Duration.ofSeconds(1));
        assertThat(throttle.size()).isZero();
        fail(throttle, STRANGER, "admin");
        fail(throttle, STRANGER, "admin");
        fail(throttle, STRANGER, "admin");
        assertThat(throttle.waitBefore(STRANGER, "admin"))
                .as("counted from one again")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void atMostMaxEntriesPairsAndSourcesAreKeptTheOldestFailureGoingFirst() {
        LoginThrottle throttle = throttle(50);
        for (int i = 0; i < 3; i++) {
            fail(throttle, STRANGER, "admin");
        }
        for (int i = 0; i < 1000; i++) {
            advance(Duration.ofMillis(1));
            attemptAndFail(throttle, "192.0.2." + (i % 200), "user" + i);
            assertThat(throttle.size()).isLessThanOrEqualTo(100);
        }
        assertThat(throttle.waitBefore(STRANGER, "admin"))
                .as("the oldest pair was forgotten")
                .isZero();

        // the newest are kept
        LoginThrottle recent = throttle(50);
        for (int i = 0; i < 100; i++) {
            attemptAndFail(recent, "192.0.2." + i, "user" + i);
        }
        for (int i = 0; i < 3; i++) {
            fail(recent, STRANGER, "admin");
        }
        assertThat(recent.waitBefore(STRANGER, "admin")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBurstOfParallelAttemptsGetsNoMoreThroughThanOneAfterAnother() throws Exception {
        LoginThrottle throttle = throttle(100);
        fail(throttle, STRANGER, "admin");
        fail(throttle, STRANGER, "admin");

        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        Callable<Boolean> attempt = () -> {
            ready.countDown();
            ready.await();
            return throttle.tryAttempt(STRANGER, "admin");
        };
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(attempt));
        }
        int letThrough = 0;
        for (Future<Boolean> result : results) {
            letThrough += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(letThrough).as("only the third failure, then the wait").isOne();
    }

    @Test
    void parallelLoginsOfASourceWithNoFailuresAreNotHeldBack() throws Exception {
        LoginThrottle throttle = throttle(100);
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return throttle.tryAttempt(OFFICE, "ana");
            }));
        }
        int letThrough = 0;
        for (Future<Boolean> result : results) {
            letThrough += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(letThrough)
                .as("a page's parallel requests with the right password")
                .isEqualTo(threads);
        for (int i = 0; i < threads; i++) {
            throttle.succeeded(OFFICE, "ana");
        }
        assertThat(throttle.size()).as("nothing remembered of right passwords").isZero();
        // a wrong one among them still counts
        assertThat(throttle.tryAttempt(OFFICE, "ana")).isTrue();
        throttle.failed(OFFICE, "ana");
        assertThat(throttle.size()).isEqualTo(2);
    }

    @Test
    void aNameTooLongToBeAUserIdIsCutSoItCannotFillTheMemory() {
        LoginThrottle throttle = throttle(100);
        String longName = "x".repeat(100_000);
        fail(throttle, STRANGER, longName);
        fail(throttle, STRANGER, longName + "y");
        fail(throttle, STRANGER, longName + "z");
        assertThat(throttle.waitBefore(STRANGER, longName)).isEqualTo(Duration.ofSeconds(1));
    }
}
