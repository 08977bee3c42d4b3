package com.complaintdesk.intake;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @NotBlank
                @Size(max = 200)
                @Pattern(regexp = "[\\p{Graph}]+", message = "must not contain spaces or control characters")
                String externalId,
        @NotNull OffsetDateTime postedAt,
        @NotBlank @Size(max = 4000) String text,
        @NotBlank
                @Pattern(
                        regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                        message = "must be a language tag such as en or zh-CN")
                String language,
        @NotNull @Valid Customer customer,
        @Valid Order order,
        @Valid Product product,
        @Valid Engagement engagement,
        @Valid Shop shop) {

    /** A complaint without the shop's details (channels that do not report them). */
    public ComplaintRequest(
            Channel channel,
            String externalId,
            OffsetDateTime postedAt,
            String text,
            String language,
            Customer customer,
            Order order,
            Product product,
            Engagement engagement) {
        this(channel, externalId, postedAt, text, language, customer, order, product, engagement, null);
    }

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
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD or CNY")
                    String currency,
            LocalDate promisedDelivery,
            OffsetDateTime shippedAt,
            OffsetDateTime deliveredAt,
            @Valid ShippingAddress shippingAddress) {

        /** An order without its shipping address. */
        public Order(
                String id,
                BigDecimal value,
                String currency,
                LocalDate promisedDelivery,
                OffsetDateTime shippedAt,
                OffsetDateTime deliveredAt) {
            this(id, value, currency, promisedDelivery, shippedAt, deliveredAt, null);
        }
    }

    /**
     * Where the order went (E5: a remote or unusual address). {@code remote} is the platform's or the carrier's
     * own flag for a remote area; an address in another country than the shop's counts as unusual.
     */
    @Schema(
            description = "Where the order was shipped; optional. E5: remote (the platform's or carrier's flag) or in "
                    + "another country than the shop's counts towards the extortion-risk score")
    public record ShippingAddress(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as CN or US") String country,
            @Size(max = 200) String region,
            @Size(max = 200) String city,
            @Size(max = 32) String postalCode,
            Boolean remote) {}

    /** The shop the complaint is about (E3: newly opened shops are targeted). */
    @Schema(
            description = "The shop the complaint is about; optional. E3: a shop opened recently counts towards the "
                    + "extortion-risk score; its country makes a shipping address abroad unusual (E5)")
    public record Shop(
            @Size(max = 200) String id,
            LocalDate openedOn,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as CN or US")
                    String country) {}

    /** The product the complaint is about, if any (E4: cheap, fragile goods). */
    public record Product(
            @NotBlank @Size(max = 200) String sku,
            @Size(max = 500) String title,
            @DecimalMin("0.00") BigDecimal price,
            Boolean fragile) {}

    /** Public reactions to the post at the time of intake (T6: virality). */
    public record Engagement(
            @PositiveOrZero Integer likes, @PositiveOrZero Integer shares, @PositiveOrZero Integer comments) {}
}
