package com.complaintdesk.intake;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.common.PlainText;
import com.complaintdesk.lifecycle.ComplaintLifecycleProcess;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a complaint into a case: one row in the application's table and one running complaint lifecycle,
 * stored in one transaction. A repeat of the same (channel, externalId) returns the existing case, also when
 * two deliveries race.
 */
@Service
public class ComplaintIntake {

    /** How far in the future a postedAt may lie, to tolerate clock skew between a platform and us. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The limits of {@link ComplaintRequest#text()} and {@link ComplaintRequest#externalId()}. */
    static final int MAX_TEXT = 4000;

    static final int MAX_EXTERNAL_ID = 200;
    private static final java.util.regex.Pattern EXTERNAL_ID = java.util.regex.Pattern.compile("[\\p{Graph}]+");

    /** No platform took reviews before eBay opened; an earlier postedAt is a typo or an attack on the SLA clocks. */
    static final LocalDate EARLIEST_POST = LocalDate.of(1995, 1, 1);

    /** The span any other date of a complaint (account, shop, order) must lie in. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    private final ComplaintRepository complaints;
    private final ComplaintLifecycleProcess lifecycle;
    private final IdentityService identity;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplaintIntake(
            ComplaintRepository complaints,
            ComplaintLifecycleProcess lifecycle,
            IdentityService identity,
            PlatformTransactionManager transactionManager,
            ObjectMapper json,
            ApplicationEventPublisher events) {
        this.complaints = complaints;
        this.lifecycle = lifecycle;
        this.identity = identity;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** The outcome of an intake: the case, and whether this delivery created it. */
    public record Received(ComplaintCase complaintCase, boolean created) {}

    /**
     * Receives a complaint as the user authenticated with the engine.
     *
     * @throws InvalidRequestException when a value is wrong; nothing is stored then
     */
    public Received receive(ComplaintRequest request) {
        validate(request);
        Optional<ComplaintCase> existing = find(request.channel(), request.externalId());
        if (existing.isPresent()) {
            return new Received(existing.get(), false);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new Received(transactions.execute(status -> create(request)), true);
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // A concurrent delivery of the same complaint holds or won the unique (channel, external_id) row:
                // a constraint violation, a lock timeout or H2's "concurrent update" (transient). Look for the
                // winner's case, and try again a few times while it has not committed yet.
                Optional<ComplaintCase> winner = find(request.channel(), request.externalId());
                if (winner.isPresent()) {
                    return new Received(winner.get(), false);
                }
                if (attempt == RACE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** How often a delivery that lost a race looks for the winner's case before it gives up. */
    static final int RACE_ATTEMPTS = 5;

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent delivery", interrupted);
        }
    }

    public Optional<ComplaintCase> find(String caseId) {
        return complaints.findById(caseId);
    }

    /** The case of this channel's complaint; none for an id no case can have (which the database might not take). */
    public Optional<ComplaintCase> find(Channel channel, String externalId) {
        if (!isExternalId(externalId)) {
            return Optional.empty();
        }
        return complaints.findByChannelAndExternalId(channel, externalId);
    }

    /** Whether {@code id} can be a case's external id (as {@link ComplaintRequest#externalId()} is checked). */
    public static boolean isExternalId(String id) {
        return id != null
                && id.length() <= MAX_EXTERNAL_ID
                && EXTERNAL_ID.matcher(id).matches();
    }

    /**
     * Why {@code text} cannot be a complaint's text (blank, longer than {@value #MAX_TEXT} characters, a control
     * character or an unpaired surrogate), worded as for the field {@code text}; empty when it can. For the text of a
     * comment the customer edited (R3), which is kept on the case as a complaint's text is.
     */
    public static Optional<String> textProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of("size must be between 1 and " + MAX_TEXT);
        }
        return PlainText.problem(text);
    }

    private ComplaintCase create(ComplaintRequest request) {
        String id = UUID.randomUUID().toString();
        // Microseconds: what both databases keep, so the time the listeners see is the one read back later.
        OffsetDateTime receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String receivedBy = currentUser();
        String payload = payload(request);
        complaints.insert(id, request, receivedAt, receivedBy, payload);
        // X4: the complaint as received is the case's first evidence, kept in this transaction with the case.
        events.publishEvent(
                new ComplaintReceived(id, request.channel(), request.externalId(), receivedAt, receivedBy, payload));
        String businessKey = ComplaintCase.businessKey(request.channel(), request.externalId());
        String processInstanceId = lifecycle.start(businessKey, variables(id, request));
        complaints.attachProcessInstance(id, processInstanceId);
        return complaints.findById(id).orElseThrow();
    }

    private String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private String payload(ComplaintRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the complaint", e);
        }
    }

    /** The process variables of a new case, named as in {@code ComplaintLifecycle.Var}. */
    static Map<String, Object> variables(String caseId, ComplaintRequest r) {
        Map<String, Object> v = new HashMap<>();
        v.put(Var.CASE_ID, caseId);
        v.put(Var.CHANNEL, r.channel().key());
        v.put(Var.PUBLIC_SURFACE, r.channel().hasPublicSurface());
        v.put(Var.EXTERNAL_ID, r.externalId());
        v.put(Var.POSTED_AT, Date.from(r.postedAt().toInstant()));
        v.put(Var.TEXT, r.text());
        v.put(Var.LANGUAGE, r.language());
        ComplaintRequest.Customer c = r.customer();
        v.put(Var.CUSTOMER_ID, c.id());
        v.put(Var.CUSTOMER_NAME, c.name());
        v.put(Var.CUSTOMER_ACCOUNT_CREATED, date(c.accountCreated()));
        v.put(Var.CUSTOMER_TIMEZONE, c.timezone());
        v.put(Var.CUSTOMER_LIFETIME_ORDERS, c.lifetimeOrders());
        ComplaintRequest.Order o = r.order();
        v.put(Var.ORDER_ID, o == null ? null : o.id());
        v.put(Var.ORDER_VALUE, o == null ? null : o.value().doubleValue());
        v.put(Var.ORDER_CURRENCY, o == null ? null : o.currency());
        v.put(Var.PROMISED_DELIVERY, o == null ? null : date(o.promisedDelivery()));
        v.put(
                Var.SHIPPED_AT,
                o == null || o.shippedAt() == null
                        ? null
                        : Date.from(o.shippedAt().toInstant()));
        v.put(
                Var.DELIVERED_AT,
                o == null || o.deliveredAt() == null
                        ? null
                        : Date.from(o.deliveredAt().toInstant()));
        ComplaintRequest.ShippingAddress a = o == null ? null : o.shippingAddress();
        v.put(Var.SHIPPING_COUNTRY, a == null ? null : a.country());
        v.put(Var.SHIPPING_REMOTE, a != null && Boolean.TRUE.equals(a.remote()));
        ComplaintRequest.Shop s = r.shop();
        v.put(Var.SHOP_OPENED_ON, s == null ? null : date(s.openedOn()));
        v.put(Var.SHOP_COUNTRY, s == null ? null : s.country());
        ComplaintRequest.Product p = r.product();
        v.put(Var.PRODUCT_SKU, p == null ? null : p.sku());
        v.put(Var.PRODUCT_TITLE, p == null ? null : p.title());
        v.put(
                Var.PRODUCT_PRICE,
                p == null || p.price() == null ? null : p.price().doubleValue());
        v.put(Var.PRODUCT_FRAGILE, p != null && Boolean.TRUE.equals(p.fragile()));
        ComplaintRequest.Engagement e = r.engagement();
        v.put(Var.LIKES, e == null || e.likes() == null ? 0 : e.likes());
        v.put(Var.SHARES, e == null || e.shares() == null ? 0 : e.shares());
        v.put(Var.COMMENTS, e == null || e.comments() == null ? 0 : e.comments());
        return v;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The checks Bean Validation cannot express: real time zones and currencies, and times that fit together. */
    void validate(ComplaintRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (r.postedAt() != null && r.postedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("postedAt", "must not be in the future"));
        }
        ComplaintRequest.Customer c = r.customer();
        if (c != null) {
            if (c.timezone() != null && !validZone(c.timezone())) {
                problems.add(new FieldProblem("customer.timezone", "must be an IANA time zone such as Asia/Shanghai"));
            }
            if (c.accountCreated() != null
                    && c.accountCreated().isAfter(now.toLocalDate().plusDays(1))) {
                problems.add(new FieldProblem("customer.accountCreated", "must not be in the future"));
            }
        }
        ComplaintRequest.Order o = r.order();
        if (o != null) {
            if (o.currency() != null && o.currency().matches("[A-Z]{3}") && !validCurrency(o.currency())) {
                problems.add(new FieldProblem("order.currency", "is not an ISO 4217 currency"));
            }
            if (o.shippedAt() != null
                    && o.deliveredAt() != null
                    && o.deliveredAt().isBefore(o.shippedAt())) {
                problems.add(new FieldProblem("order.deliveredAt", "must not be before order.shippedAt"));
            }
            if (o.value() != null && o.value().compareTo(new BigDecimal("100000000")) >= 0) {
                problems.add(new FieldProblem("order.value", "must be less than 100000000"));
            }
        }
        if (r.shop() != null
                && r.shop().openedOn() != null
                && r.shop().openedOn().isAfter(now.toLocalDate().plusDays(1))) {
            problems.add(new FieldProblem("shop.openedOn", "must not be in the future"));
        }
        if (r.postedAt() != null && r.postedAt().toLocalDate().isBefore(EARLIEST_POST)) {
            problems.add(new FieldProblem("postedAt", "must not be before " + EARLIEST_POST));
        }
        checkDates(r, problems);
        checkControlCharacters(r, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** Every date of the complaint within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */
    private static void checkDates(ComplaintRequest r, List<FieldProblem> problems) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        if (r.customer() != null) {
            dates.put("customer.accountCreated", r.customer().accountCreated());
        }
        if (r.order() != null) {
            dates.put("order.promisedDelivery", r.order().promisedDelivery());
            dates.put(
                    "order.shippedAt",
                    r.order().shippedAt() == null ? null : r.order().shippedAt().toLocalDate());
            dates.put(
                    "order.deliveredAt",
                    r.order().deliveredAt() == null
                            ? null
                            : r.order().deliveredAt().toLocalDate());
        }
        if (r.shop() != null) {
            dates.put("shop.openedOn", r.shop().openedOn());
        }
        dates.forEach((field, date) -> {
            if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
                problems.add(new FieldProblem(field, "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE));
            }
        });
    }

    /**
     * No text of a complaint may hold a control character but tab, line feed and carriage return, nor an unpaired
     * surrogate: a NUL cannot be stored in PostgreSQL, UTF-8 cannot carry a lone surrogate, and none of them is
     * something a customer typed ({@link PlainText}).
     */
    private static void checkControlCharacters(ComplaintRequest r, List<FieldProblem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("text", r.text());
        if (r.customer() != null) {
            texts.put("customer.id", r.customer().id());
            texts.put("customer.name", r.customer().name());
            texts.put("customer.timezone", r.customer().timezone());
        }
        if (r.order() != null) {
            texts.put("order.id", r.order().id());
            if (r.order().shippingAddress() != null) {
                texts.put(
                        "order.shippingAddress.region",
                        r.order().shippingAddress().region());
                texts.put(
                        "order.shippingAddress.city",
                        r.order().shippingAddress().city());
                texts.put(
                        "order.shippingAddress.postalCode",
                        r.order().shippingAddress().postalCode());
            }
        }
        if (r.product() != null) {
            texts.put("product.sku", r.product().sku());
            texts.put("product.title", r.product().title());
        }
        if (r.shop() != null) {
            texts.put("shop.id", r.shop().id());
        }
        texts.forEach((field, text) -> {
            if (text == null) {
                return;
            }
            PlainText.problem(text).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        });
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
