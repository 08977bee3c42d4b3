package com.complaintdesk.intake;

import static com.complaintdesk.common.Timestamps.utc;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application's own record of each complaint ({@code cd_complaint}). */
@Repository
class ComplaintRepository {

    private static final String SELECT =
            """
            SELECT id, channel, external_id, business_key, posted_at, received_at, received_by, language,
                   customer_id, customer_name, text, process_instance_id
              FROM cd_complaint
            """;

    private final JdbcClient jdbc;

    ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, ComplaintRequest request, OffsetDateTime receivedAt, String receivedBy, String payload) {
        jdbc.sql(
                        """
                INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, received_by,
                                          language, text, customer_id, customer_name, order_id, product_sku, payload)
                VALUES (:id, :channel, :externalId, :businessKey, :postedAt, :receivedAt, :receivedBy,
                        :language, :text, :customerId, :customerName, :orderId, :productSku, :payload)
                """)
                .param("id", id)
                .param("channel", request.channel().key())
                .param("externalId", request.externalId())
                .param("businessKey", ComplaintCase.businessKey(request.channel(), request.externalId()))
                .param("postedAt", request.postedAt())
                .param("receivedAt", receivedAt)
                .param("receivedBy", receivedBy)
                .param("language", request.language())
                .param("text", request.text())
                .param("customerId", request.customer().id())
                .param("customerName", request.customer().name())
                .param(
                        "orderId",
                        request.order() == null ? null : request.order().id())
                .param(
                        "productSku",
                        request.product() == null ? null : request.product().sku())
                .param("payload", payload)
                .update();
    }

    void attachProcessInstance(String id, String processInstanceId) {
        jdbc.sql("UPDATE cd_complaint SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId)
                .param("id", id)
                .update();
    }

    Optional<ComplaintCase> findById(String id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<ComplaintCase> findByChannelAndExternalId(Channel channel, String externalId) {
        return jdbc.sql(SELECT + " WHERE channel = :channel AND external_id = :externalId")
                .param("channel", channel.key())
                .param("externalId", externalId)
                .query(this::map)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint").query(Long.class).single();
    }

    private ComplaintCase map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ComplaintCase(
                rs.getString("id"),
                rs.getString("business_key"),
                Channel.fromKey(rs.getString("channel")),
                rs.getString("external_id"),
                utc(rs.getObject("posted_at", OffsetDateTime.class)),
                utc(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getString("received_by"),
                rs.getString("language"),
                rs.getString("customer_id"),
                rs.getString("customer_name"),
                rs.getString("text"),
                rs.getString("process_instance_id"),
                Map.of());
    }
}
