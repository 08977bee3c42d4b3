package com.complaintdesk.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A complaint as a channel or an agent submits it to {@code POST /api/complaints}. */
public record ComplaintRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[\\p{Graph}]+", message = "must not contain spaces or control characters") String externalId,
        @NotNull OffsetDateTime postedAt,
        @NotBlank @Size(max = 4000) String text,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or zh-CN") String language,
        @NotNull @Valid Customer customer,
        @Valid Order order,
        @Valid Product product,
        @Valid Engagement engagement) {

    /** The customer as the channel knows them; the time zone drives when we contact them (F6). */
    public record Customer(
            @NotBlank @Size(max = 200) String id,
            @Size(max = 200) String name,
            LocalDate accountCreated,
            @Size(max = 64) String timezone,
            @PositiveOrZero Integer lifetimeOrders) {}

    /** The order the complaint is about, if any. */
    public record Order(
            @NotBlank @Size(max = 200) String id,
            @NotNull @DecimalMin("0.00") BigDecimal value,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD or CNY") String currency,
            LocalDate promisedDelivery,
            OffsetDateTime shippedAt,
            OffsetDateTime deliveredAt) {}

    /** The product the complaint is about, if any (E4: cheap, fragile goods). */
    public record Product(
            @NotBlank @Size(max = 200) String sku,
            @Size(max = 500) String title,
            @DecimalMin("0.00") BigDecimal price,
            Boolean fragile) {}

    /** Public reactions to the post at the time of intake (T6: virality). */
    public record Engagement(
            @PositiveOrZero Integer likes,
            @PositiveOrZero Integer shares,
            @PositiveOrZero Integer comments) {}
}
