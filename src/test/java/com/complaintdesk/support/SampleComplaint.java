package com.complaintdesk.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A realistic complaint body for {@code POST /api/complaints}, as a mutable JSON tree, for tests to vary. */
public final class SampleComplaint {

    private SampleComplaint() {}

    /** An Instagram comment about a damaged parcel, posted {@code minutesAgo} minutes ago. */
    public static Map<String, Object> instagram(int minutesAgo) {
        return body(
                "instagram",
                "ig-" + UUID.randomUUID(),
                minutesAgo,
                "The mug arrived broken, the box was crushed. Really disappointed.",
                "en");
    }

    public static Map<String, Object> body(
            String channel, String externalId, int minutesAgo, String text, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("externalId", externalId);
        body.put(
                "postedAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo).toString());
        body.put("text", text);
        body.put("language", language);
        body.put(
                "customer",
                new LinkedHashMap<>(Map.of(
                        "id", "cust-" + UUID.randomUUID().toString().substring(0, 8),
                        "name", "Mia Chen",
                        "accountCreated", "2023-04-02",
                        "timezone", "America/New_York",
                        "lifetimeOrders", 4)));
        body.put(
                "order",
                new LinkedHashMap<>(Map.of(
                        "id", "ord-" + UUID.randomUUID().toString().substring(0, 8),
                        "value", 38.50,
                        "currency", "USD",
                        "promisedDelivery", "2026-11-18",
                        "shippedAt", "2026-11-14T10:00:00Z",
                        "deliveredAt", "2026-11-19T15:30:00Z")));
        body.put(
                "product",
                new LinkedHashMap<>(
                        Map.of("sku", "MUG-CER-350", "title", "Ceramic mug 350 ml", "price", 19.25, "fragile", true)));
        body.put("engagement", new LinkedHashMap<>(Map.of("likes", 3, "shares", 0, "comments", 2)));
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }
}
