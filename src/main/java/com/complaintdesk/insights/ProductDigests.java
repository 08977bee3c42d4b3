package com.complaintdesk.insights;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A3: the quarter's product feedback for the product and design team. Product feedback is what T3 is archived as
 * (usage tips, improvement ideas, mild dissatisfaction: every T3 case) plus, from any tier, the cases triaged as
 * {@code quality}, {@code product_misunderstanding} or {@code suggestion} and the cases closed with the root cause
 * {@code quality} or {@code misunderstanding} (F3): sizes, fabric, colours and ideas live there, not in shipping or
 * attitude. Counted per category, root cause and product SKU, with the customers' own words; stored once per quarter
 * ({@code cd_product_digest}).
 */
@Service
public class ProductDigests {

    static final String FEEDBACK_TIER = ComplaintLifecycle.Tier.GENERAL;
    static final List<String> FEEDBACK_CATEGORIES = List.of(
            ComplaintLifecycle.Category.QUALITY,
            ComplaintLifecycle.Category.PRODUCT_MISUNDERSTANDING,
            ComplaintLifecycle.Category.SUGGESTION);
    static final List<String> FEEDBACK_ROOT_CAUSES = List.of("quality", "misunderstanding");
    static final String NO_ROOT_CAUSE = "not_closed";
    static final String NO_PRODUCT = "no_product";
    static final int EXAMPLES = 10;

    private static final String FEEDBACK =
            """
              FROM cd_complaint
             WHERE posted_at >= :from AND posted_at < :to
               AND (tier = :tier OR category IN (:categories) OR root_cause IN (:rootCauses))
            """;

    /** A count of cases by one key. */
    public record Count(String key, long cases) {}

    /** One customer's words, with where they came from. */
    public record Quote(
            String caseId,
            String businessKey,
            String productSku,
            String tier,
            String category,
            String rootCause,
            OffsetDateTime postedAt,
            String text) {}

    /** The digest of a quarter: most cases first, ties by key. */
    public record ProductDigest(
            String quarter,
            String from,
            String to,
            long cases,
            List<Count> byCategory,
            List<Count> byRootCause,
            List<Count> byProduct,
            List<Quote> examples) {

        /** The counts, one per line, as the product team's task shows them. */
        public String summaryText() {
            return quarter + ": " + cases + " cases of product feedback\n"
                    + "By category: " + line(byCategory) + "\n"
                    + "By root cause: " + line(byRootCause) + "\n"
                    + "By product: " + line(byProduct);
        }

        /** The customers' words, one per line. */
        public String examplesText() {
            return examples.stream()
                    .map(q -> q.businessKey() + " | " + (q.productSku() == null ? NO_PRODUCT : q.productSku()) + " | "
                            + q.category() + " | \"" + StreakAlerts.excerpt(q.text()) + "\"")
                    .collect(Collectors.joining("\n"));
        }

        private static String line(List<Count> counts) {
            return counts.isEmpty()
                    ? "none"
                    : counts.stream().map(c -> c.key() + " " + c.cases()).collect(Collectors.joining(", "));
        }
    }

    /** A stored digest with when it was computed and the product team's review, once they gave it. */
    public record StoredDigest(
            ProductDigest digest,
            OffsetDateTime computedAt,
            String takenUp,
            String notes,
            String reviewedBy,
            OffsetDateTime reviewedAt) {}

    private final JdbcClient jdbc;
    private final InsightsReports reports;
    private final ObjectMapper json;

    ProductDigests(JdbcClient jdbc, InsightsReports reports, ObjectMapper json) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.json = json;
    }

    /**
     * The quarter a label names, or the last complete one before {@code now} in the seller's zone.
     *
     * @throws IllegalArgumentException when the label names no quarter
     */
    public Period quarter(String label, OffsetDateTime now) {
        if (label == null || label.isBlank()) {
            return reports.period(Period.Granularity.QUARTER, now.toInstant()).previous();
        }
        Period period = reports.period(label);
        if (period.granularity() != Period.Granularity.QUARTER) {
            throw new IllegalArgumentException("'" + label + "' is not a quarter (expected e.g. 2026-Q3)");
        }
        return period;
    }

    public ProductDigest compute(Period quarter) {
        OffsetDateTime from = quarter.from().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = quarter.to().atOffset(ZoneOffset.UTC);
        List<Count> byCategory = counts("COALESCE(category, '" + InsightsReports.UNTRIAGED + "')", from, to);
        List<Count> byRootCause = counts("COALESCE(root_cause, '" + NO_ROOT_CAUSE + "')", from, to);
        List<Count> byProduct = counts("COALESCE(product_sku, '" + NO_PRODUCT + "')", from, to);
        List<Quote> examples = jdbc.sql(
                        "SELECT id, business_key, product_sku, tier, category, root_cause, posted_at, text " + FEEDBACK
                                + " ORDER BY posted_at DESC, id DESC FETCH FIRST " + EXAMPLES + " ROWS ONLY")
                .params(filter(from, to))
                .query((rs, n) -> new Quote(
                        rs.getString("id"),
                        rs.getString("business_key"),
                        rs.getString("product_sku"),
                        rs.getString("tier"),
                        rs.getString("category") == null ? InsightsReports.UNTRIAGED : rs.getString("category"),
                        rs.getString("root_cause"),
                        rs.getObject("posted_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("text")))
                .list();
        long cases = byCategory.stream().mapToLong(Count::cases).sum();
        return new ProductDigest(
                quarter.label(),
                quarter.from().toString(),
                quarter.to().toString(),
                cases,
                byCategory,
                byRootCause,
                byProduct,
                examples);
    }

    private List<Count> counts(String key, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + key + " AS k, COUNT(*) AS cases " + FEEDBACK + " GROUP BY " + key
                        + " ORDER BY cases DESC, k")
                .params(filter(from, to))
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("cases")))
                .list();
    }

    private static java.util.Map<String, Object> filter(OffsetDateTime from, OffsetDateTime to) {
        return java.util.Map.of(
                "from",
                from,
                "to",
                to,
                "tier",
                FEEDBACK_TIER,
                "categories",
                FEEDBACK_CATEGORIES,
                "rootCauses",
                FEEDBACK_ROOT_CAUSES);
    }

    /** Stores the quarter's digest, replacing one computed before (the product team's review stays). */
    public void store(ProductDigest digest, OffsetDateTime computedAt, String processInstanceId) {
        String text;
        try {
            text = json.writeValueAsString(digest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The digest of " + digest.quarter() + " cannot be written as JSON", e);
        }
        int updated = jdbc.sql(
                        """
                UPDATE cd_product_digest SET computed_at = :at, cases = :cases, digest = :digest, process_instance_id = :pi
                 WHERE quarter = :quarter
                """)
                .param("at", computedAt)
                .param("cases", digest.cases())
                .param("digest", text)
                .param("pi", processInstanceId)
                .param("quarter", digest.quarter())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            """
                    INSERT INTO cd_product_digest (id, quarter, computed_at, cases, digest, process_instance_id)
                    VALUES (:id, :quarter, :at, :cases, :digest, :pi)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .param("quarter", digest.quarter())
                    .param("at", computedAt)
                    .param("cases", digest.cases())
                    .param("digest", text)
                    .param("pi", processInstanceId)
                    .update();
        }
    }

    /** Keeps what the product team takes up from the quarter's digest. */
    public void recordReview(String quarter, String takenUp, String notes, String reviewedBy, OffsetDateTime at) {
        int updated = jdbc.sql(
                        """
                UPDATE cd_product_digest SET taken_up = :takenUp, notes = :notes, reviewed_by = :by, reviewed_at = :at
                 WHERE quarter = :quarter
                """)
                .param("takenUp", takenUp)
                .param("notes", notes)
                .param("by", reviewedBy)
                .param("at", at)
                .param("quarter", quarter)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No product feedback digest of " + quarter + " is stored");
        }
    }

    public Optional<StoredDigest> find(String quarter) {
        return jdbc.sql(
                        """
                SELECT digest, computed_at, taken_up, notes, reviewed_by, reviewed_at
                  FROM cd_product_digest WHERE quarter = :quarter
                """)
                .param("quarter", quarter)
                .query((rs, n) -> new StoredDigest(
                        read(rs.getString("digest")),
                        utc(rs.getObject("computed_at", OffsetDateTime.class)),
                        rs.getString("taken_up"),
                        rs.getString("notes"),
                        rs.getString("reviewed_by"),
                        utc(rs.getObject("reviewed_at", OffsetDateTime.class))))
                .optional();
    }

    private ProductDigest read(String text) {
        try {
            return json.readValue(text, ProductDigest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored product feedback digest is not readable", e);
        }
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return com.complaintdesk.common.Timestamps.utc(time);
    }
}
