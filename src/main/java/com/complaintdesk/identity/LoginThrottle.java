package com.complaintdesk.identity;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking an account (issue #15). Failed logins are counted per source
 * address and account, and per source address: once a source has failed {@code failuresPerAccount} times for an
 * account, its next attempt for that account waits {@code firstWait}, then twice as long after each further failure,
 * up to {@code maxWait}; a source that fails {@code failuresPerSource} times for any accounts (a sprayer) waits the
 * same way for every account. A wait is answered before any password is checked. A successful login clears its
 * source's count for that account.
 *
 * <p>Failures from one source never hold back another: a stranger who knows the administrator's user id slows down
 * only their own guesses, and the administrator logs in from anywhere else at once. Counts live in this node's
 * memory, are forgotten {@code forgetAfter} after the last failure, and at most {@code maxEntries} pairs and sources
 * are kept (the oldest failure is forgotten first).
 *
 * <p>An attempt counts as failed from the moment it is let through until it succeeds ({@link #tryAttempt}), so a
 * burst of parallel guesses cannot slip through one opening together.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** Camunda's user ids have at most 64 characters; longer names are cut so they cannot fill the memory. */
    private static final int MAX_ACCOUNT_LENGTH = 128;

    private static final String UNKNOWN_SOURCE = "unknown";

    private final LoginThrottleProperties settings;
    private final LongSupplier millis;
    private final Failures pairs;
    /** Attempts under way that do not count yet, by source and account (removed when they end). */
    private final java.util.Map<String, Integer> uncounted = new java.util.HashMap<>();

    private final Failures sources;

    @Autowired
    LoginThrottle(LoginThrottleProperties settings) {
        this(settings, () -> System.nanoTime() / 1_000_000);
    }

    /** With a clock of its own: a monotonic count of milliseconds. */
    LoginThrottle(LoginThrottleProperties settings, LongSupplier millis) {
        this.settings = settings;
        this.millis = millis;
        this.pairs = new Failures(settings.maxEntries(), settings.forgetAfter().toMillis());
        this.sources =
                new Failures(settings.maxEntries(), settings.forgetAfter().toMillis());
    }

    /**
     * The source address of the HTTP request this thread is serving, bound by {@link LoginThrottleFilter} before
     * Spring Security's filters (Spring's request context is bound only after them: Spring Boot's Jersey
     * configuration registers its RequestContextFilter at order -1).
     */
    private static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

    /** The address the current HTTP request comes from, or null outside a request (start-up, jobs, tests). */
    static String currentSource() {
        return SOURCE.get();
    }

    /** Runs the rest of a request's handling with its source address known to the password check. */
    /** Parallel attempts of a source with no failures that are let through without counting, per account. */
    static final int MAX_UNCOUNTED = 256;

    static void withSource(String source, SourceBound rest)
            throws java.io.IOException, jakarta.servlet.ServletException {
        String outer = SOURCE.get();
        SOURCE.set(sourceKey(source));
        try {
            rest.run();
        } finally {
            if (outer == null) {
                SOURCE.remove();
            } else {
                SOURCE.set(outer);
            }
        }
    }

    @FunctionalInterface
    interface SourceBound {
        void run() throws java.io.IOException, jakarta.servlet.ServletException;
    }

    /** How long {@code source} must still wait before it may try {@code account}; zero: it may now. Records nothing. */
    synchronized Duration waitBefore(String source, String account) {
        return Duration.ofMillis(waitMillis(sourceKey(source), pairKey(source, account), millis.getAsLong()));
    }

    /**
     * Lets an attempt through, or not: false while {@code source} must wait for {@code account}, and then no password
     * may be checked. Once the source has failed for this account, an attempt let through counts as a failure until
     * {@link #succeeded} says otherwise, so a burst of parallel guesses gets no more through than one after another.
     * Before that, a source is not held back by its own parallel logins (a page or script sending several requests at
     * once with the right password): those attempts count only once {@link #failed} says so, up to
     * {@value #MAX_UNCOUNTED} at once per account; a source over its own limit waits whatever the account.
     */
    boolean tryAttempt(String source, String account) {
        String sourceKey = sourceKey(source);
        String pairKey = pairKey(source, account);
        String report = null;
        synchronized (this) {
            long now = millis.getAsLong();
            long wait = waitMillis(sourceKey, pairKey, now);
            if (wait > 0) {
                report = firstRefusal(sourceKey, pairKey, now, wait);
            } else {
                int uncounted = this.uncounted.getOrDefault(pairKey, 0);
                if (pairs.current(pairKey, now) == null && uncounted < MAX_UNCOUNTED) {
                    this.uncounted.put(pairKey, uncounted + 1);
                } else {
                    pairs.fail(pairKey, now);
                    sources.fail(sourceKey, now);
                }
                return true;
            }
        }
        if (report != null) {
            log.warn(report);
        }
        return false;
    }

    /** The password was right: the source's count for this account is cleared, and the attempt not counted. */
    synchronized void succeeded(String source, String account) {
        String pairKey = pairKey(source, account);
        pairs.remove(pairKey);
        if (!settleUncounted(pairKey)) {
            sources.undoOne(sourceKey(source));
        }
    }

    /** The password was wrong: an attempt that did not count yet counts now. */
    synchronized void failed(String source, String account) {
        String pairKey = pairKey(source, account);
        if (settleUncounted(pairKey)) {
            long now = millis.getAsLong();
            pairs.fail(pairKey, now);
            sources.fail(sourceKey(source), now);
        }
    }

    /** Ends one uncounted attempt of the pair, if one is under way. */
    private boolean settleUncounted(String pairKey) {
        Integer count = uncounted.get(pairKey);
        if (count == null) {
            return false;
        }
        if (count <= 1) {
            uncounted.remove(pairKey);
        } else {
            uncounted.put(pairKey, count - 1);
        }
        return true;
    }

    /** Pairs and sources remembered now (for tests). */
    synchronized int size() {
        long now = millis.getAsLong();
        pairs.trim(now);
        sources.trim(now);
        return pairs.entries.size() + sources.entries.size();
    }

    private long waitMillis(String sourceKey, String pairKey, long now) {
        return Math.max(
                pairs.waitMillis(pairKey, settings.failuresPerAccount(), now, this::backoff),
                sources.waitMillis(sourceKey, settings.failuresPerSource(), now, this::backoff));
    }

    /** The wait after the failure {@code beyond} failures past a limit: firstWait doubled that often, at most maxWait. */
    long backoff(int beyond) {
        long max = settings.maxWait().toMillis();
        long wait = settings.firstWait().toMillis();
        for (int i = 0; i < beyond && wait < max; i++) {
            wait *= 2;
        }
        return Math.min(wait, max);
    }

    /** A line for the log at the first refusal of a pair or source, so an operator sees guessing once, not per try. */
    private String firstRefusal(String sourceKey, String pairKey, long now, long wait) {
        Failures.Entry pair = pairs.current(pairKey, now);
        if (pair != null && pair.count >= settings.failuresPerAccount() && !pair.reported) {
            pair.reported = true;
            return "Login throttle: " + pair.count + " failed logins from " + printable(sourceKey) + " for account '"
                    + printable(pairKey.substring(pairKey.indexOf('\0') + 1)) + "'; its next attempts wait (now " + wait
                    + " ms)";
        }
        Failures.Entry src = sources.current(sourceKey, now);
        if (src != null && src.count >= settings.failuresPerSource() && !src.reported) {
            src.reported = true;
            return "Login throttle: " + src.count + " failed logins from " + printable(sourceKey)
                    + " for various accounts; its next attempts wait (now " + wait + " ms)";
        }
        return null;
    }

    private static String sourceKey(String source) {
        return source == null || source.isEmpty() ? UNKNOWN_SOURCE : source;
    }

    private static String pairKey(String source, String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        if (name.length() > MAX_ACCOUNT_LENGTH) {
            name = name.substring(0, MAX_ACCOUNT_LENGTH);
        }
        return sourceKey(source) + '\0' + name;
    }

    /** A name from a request, fit for one log line: no control characters, at most 64 characters. */
    private static String printable(String text) {
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }

    /** Failure counts by key, oldest last failure first; guarded by the throttle's lock. */
    private static final class Failures {

        static final class Entry {
            final int count;
            final long last;
            boolean reported;

            Entry(int count, long last, boolean reported) {
                this.count = count;
                this.last = last;
                this.reported = reported;
            }
        }

        final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        private final int maxEntries;
        private final long forgetMillis;

        Failures(int maxEntries, long forgetMillis) {
            this.maxEntries = maxEntries;
            this.forgetMillis = forgetMillis;
        }

        Entry current(String key, long now) {
            Entry entry = entries.get(key);
            if (entry != null && now - entry.last >= forgetMillis) {
                entries.remove(key);
                return null;
            }
            return entry;
        }

        long waitMillis(String key, int limit, long now, java.util.function.IntToLongFunction backoff) {
            Entry entry = current(key, now);
            if (entry == null || entry.count < limit) {
                return 0;
            }
            return Math.max(0, entry.last + backoff.applyAsLong(entry.count - limit) - now);
        }

        void fail(String key, long now) {
            Entry before = current(key, now);
            entries.remove(key);
            entries.put(key, new Entry(before == null ? 1 : before.count + 1, now, before != null && before.reported));
            trim(now);
        }

        void undoOne(String key) {
            Entry entry = entries.get(key);
            if (entry == null) {
                return;
            }
            if (entry.count <= 1) {
                entries.remove(key);
            } else {
                // keeps its place: the order is that of the last failures
                entries.put(key, new Entry(entry.count - 1, entry.last, entry.reported));
            }
        }

        void remove(String key) {
            entries.remove(key);
        }

        /** Drops forgotten entries, and the oldest ones beyond maxEntries. */
        void trim(long now) {
            Iterator<Entry> oldestFirst = entries.values().iterator();
            while (oldestFirst.hasNext()) {
                Entry entry = oldestFirst.next();
                if (entries.size() > maxEntries || now - entry.last >= forgetMillis) {
                    oldestFirst.remove();
                } else {
                    break;
                }
            }
        }
    }
}
