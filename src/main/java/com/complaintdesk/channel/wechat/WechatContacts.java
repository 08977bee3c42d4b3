package com.complaintdesk.channel.wechat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each WeChat customer last interacted with the shop ({@code cd_wechat_contact}), for the 48-hour rule. */
@Repository
class WechatContacts {

    private final JdbcClient jdbc;

    WechatContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps {@code at} as the customer's last interaction unless a later one is known. A time the platform gives after
     * the push arrived ({@code receivedAt}) is taken as the arrival: a far-future {@code CreateTime} would otherwise
     * hold the 48-hour window open for good.
     */
    void interacted(String openId, Instant at, Instant receivedAt) {
        OffsetDateTime time = (at.isAfter(receivedAt) ? receivedAt : at).atOffset(ZoneOffset.UTC);
        if (update(openId, time) > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO cd_wechat_contact (open_id, last_interaction_at) VALUES (:openId, :at)")
                    .param("openId", openId)
                    .param("at", time)
                    .update();
        } catch (DataIntegrityViolationException e) {
            update(openId, time); // inserted concurrently: keep the later of both
        }
    }

    Optional<Instant> lastInteraction(String openId) {
        return jdbc.sql("SELECT last_interaction_at FROM cd_wechat_contact WHERE open_id = :openId")
                .param("openId", openId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    private int update(String openId, OffsetDateTime at) {
        return jdbc.sql(
                                """
                UPDATE cd_wechat_contact SET last_interaction_at = :at
                 WHERE open_id = :openId AND last_interaction_at < :at
                """)
                        .param("at", at)
                        .param("openId", openId)
                        .update()
                + jdbc.sql("SELECT COUNT(*) FROM cd_wechat_contact WHERE open_id = :openId")
                        .param("openId", openId)
                        .query(Integer.class)
                        .single();
    }
}
