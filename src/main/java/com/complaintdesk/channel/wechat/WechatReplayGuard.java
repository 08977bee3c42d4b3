package com.complaintdesk.channel.wechat;

import com.complaintdesk.common.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a WeChat push that was captured and sent again (issue #15). WeChat's {@code signature} (and in safe mode
 * {@code msg_signature}) covers the {@code timestamp} and {@code nonce} of the query, not the push in plain-text
 * mode, so the signature alone proved nothing about when a push was made nor that it is new:
 * <ul>
 *   <li>{@link #staleness}: a {@code timestamp} more than {@link WechatProperties#maxClockSkew()} (five minutes) from
 *       now, before or after, is refused;</li>
 *   <li>{@link #claim}: within that window each nonce is accepted once per AppID, recorded in
 *       {@code cd_wechat_push_nonce}, whose primary key makes the second insert fail on whichever node of a cluster
 *       it happens. The nonce is kept with the SHA-256 of the push it came with: the <em>same</em> push with the same
 *       nonce again is WeChat's own retry (it pushes again when it had no answer within five seconds, three times at
 *       most) and goes on to the de-duplication by message id, which answers {@code success} without doing anything
 *       twice; another push with a known nonce is a replay and is refused.</li>
 * </ul>
 * Rows whose push could no longer pass the timestamp check are deleted as new ones are inserted (at most once a
 * minute per node), so the table holds about one window's worth of pushes.
 */
@Component
class WechatReplayGuard {

    /** The longest nonce taken; WeChat's are a few digits. A longer one (signed though it is) is refused. */
    static final int MAX_NONCE = 128;
    /** Clocks of the nodes may differ this much too: a row is kept this much longer than the window. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(WechatReplayGuard.class);

    /** Whether the nonce is new, WeChat's own retry of the same push, or a replay with another push. */
    enum Claim {
        FIRST,
        SAME_PUSH_AGAIN,
        REPLAYED
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    @Autowired
    WechatReplayGuard(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    WechatReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Why a push with this (signed) {@code timestamp} must not be taken: not seconds since the epoch, or more than
     * {@code maxClockSkew} away from now; empty when it is fresh.
     */
    Optional<String> staleness(String timestamp, Duration maxClockSkew) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of("timestamp is not seconds since 1970");
        }
        long now = clock.instant().getEpochSecond();
        // Compared without overflow: a timestamp near Long.MIN_VALUE or MAX_VALUE is simply far away
        if (seconds < now - maxClockSkew.getSeconds() || seconds > now + maxClockSkew.getSeconds()) {
            return Optional.of("timestamp is more than " + maxClockSkew + " away from this server's clock");
        }
        return Optional.empty();
    }

    /**
     * Records {@code nonce} for {@code appId}, with the push it came with. Call only for a push whose signature and
     * {@link #staleness timestamp} passed; {@code timestamp} is then a number within the window.
     */
    Claim claim(String appId, String nonce, String timestamp, Duration maxClockSkew, byte[] push) {
        String pushSha256 = Sha256.hex(push);
        Instant pushedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        OffsetDateTime expiresAt = pushedAt.plus(maxClockSkew).plus(MARGIN).atOffset(ZoneOffset.UTC);
        purgeNowAndThen();
        // Twice: the row a failed insert met may be purged by another node before it is read (then the second wins)
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql(
                                """
                        INSERT INTO cd_wechat_push_nonce (app_id, nonce, push_sha256, expires_at)
                        VALUES (:appId, :nonce, :pushSha256, :expiresAt)
                        """)
                        .param("appId", appId)
                        .param("nonce", nonce)
                        .param("pushSha256", pushSha256)
                        .param("expiresAt", expiresAt)
                        .update();
                return Claim.FIRST;
            } catch (DuplicateKeyException e) {
                Optional<String> known = jdbc.sql(
                                """
                        SELECT push_sha256 FROM cd_wechat_push_nonce WHERE app_id = :appId AND nonce = :nonce
                        """)
                        .param("appId", appId)
                        .param("nonce", nonce)
                        .query(String.class)
                        .optional();
                if (known.isPresent()) {
                    return known.get().equals(pushSha256) ? Claim.SAME_PUSH_AGAIN : Claim.REPLAYED;
                }
            }
        }
        return Claim.REPLAYED;
    }

    /** Deletes the rows no push can match any more; at most once a minute on this node. */
    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (last != Long.MIN_VALUE && now - last < PURGE_EVERY.toMillis()) {
            return;
        }
        if (!lastPurge.compareAndSet(last, now)) {
            return;
        }
        int purged = jdbc.sql("DELETE FROM cd_wechat_push_nonce WHERE expires_at < :now")
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (purged > 0) {
            log.debug("{} expired WeChat push nonces deleted", purged);
        }
    }
}
