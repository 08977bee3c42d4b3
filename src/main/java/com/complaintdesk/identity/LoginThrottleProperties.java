package com.complaintdesk.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login throttle ({@link LoginThrottle}): how many failed logins a source address may make before its next
 * attempt has to wait, and how long. Counted in the memory of each node; nothing here ever locks an account.
 *
 * @param failuresPerAccount failed logins from one source address for one account before that source waits before
 *                           its next attempt for that account
 * @param failuresPerSource  failed logins from one source address for any accounts (a password sprayer) before
 *                           every attempt from that source waits
 * @param firstWait          the wait after the failure that reaches a limit; each further failure doubles it
 * @param maxWait            the longest wait
 * @param forgetAfter        failures are forgotten this long after the last one (must be longer than maxWait)
 * @param maxEntries         how many (source, account) pairs, and how many sources, are remembered at most; when
 *                           full, the one whose last failure is oldest is forgotten first
 */
@ConfigurationProperties("complaintdesk.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerSource,
        @DefaultValue("1s") Duration firstWait,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue("15m") Duration forgetAfter,
        @DefaultValue("10000") int maxEntries) {

    public LoginThrottleProperties {
        if (failuresPerAccount < 1 || failuresPerSource < 1) {
            throw new IllegalArgumentException("complaintdesk.login-throttle: failures-per-account and "
                    + "failures-per-source must be at least 1");
        }
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException(
                    "complaintdesk.login-throttle: first-wait must be positive and at most max-wait");
        }
        if (forgetAfter.compareTo(maxWait) <= 0) {
            throw new IllegalArgumentException(
                    "complaintdesk.login-throttle: forget-after must be longer than max-wait");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("complaintdesk.login-throttle: max-entries must be at least 1");
        }
    }

    /** The defaults, as without any setting. */
    static LoginThrottleProperties defaults() {
        return new LoginThrottleProperties(
                5, 20, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 10_000);
    }
}
