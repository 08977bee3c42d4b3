package com.complaintdesk.insights;

import com.complaintdesk.common.Csv;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A3: a quarter's product feedback digest as JSON or CSV, for the product team and management (the insights chain of
 * the security configuration decides who reads it). A stored digest is answered as it was given to the product team,
 * with their review; a quarter not digested yet is computed on the spot and not stored.
 */
@RestController
@RequestMapping("/api/insights/product-digest")
class ProductDigestController {

    /** The digest with where it comes from; {@code stored} false when it was computed for this request. */
    record DigestView(
            @JsonUnwrapped ProductDigests.ProductDigest digest,
            boolean stored,
            OffsetDateTime computedAt,
            Review review) {}

    /** What the product team took up, once they reviewed it. */
    record Review(String takenUp, String notes, String reviewedBy, OffsetDateTime reviewedAt) {}

    private final ProductDigests digests;

    ProductDigestController(ProductDigests digests) {
        this.digests = digests;
    }

    @GetMapping(path = "/{quarter}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A quarter's product feedback digest (A3), e.g. 2026-Q3",
            description = "{quarter, from, to, cases, byCategory, byRootCause, byProduct: [{key, cases}] most first,"
                    + " examples: the customers' words, newest first, stored, computedAt, review}. Product feedback: every"
                    + " T3 case, and the cases of category quality, product_misunderstanding or suggestion or of root"
                    + " cause quality or misunderstanding.")
    @ApiResponse(responseCode = "200", description = "The digest")
    @ApiResponse(responseCode = "400", description = "The quarter is not one, e.g. 2026-11 or 2026-Q5")
    DigestView digest(@PathVariable String quarter) {
        return view(quarter);
    }

    @GetMapping("/{quarter}.csv")
    @Operation(
            summary = "A quarter's product feedback digest as CSV",
            description =
                    "UTF-8 with a byte order mark; columns section, key, cases, detail; sections category, rootCause,"
                            + " product (one row per key) and example (the case's business key, its product and the customer's"
                            + " words).")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment")
    @ApiResponse(responseCode = "400", description = "The quarter is not one")
    ResponseEntity<String> digestCsv(@PathVariable String quarter) throws IOException {
        ProductDigests.ProductDigest d = view(quarter).digest();
        StringWriter out = new StringWriter();
        out.write(Csv.BYTE_ORDER_MARK);
        Csv.row(out, List.of("section", "key", "cases", "detail"));
        for (ProductDigests.Count c : d.byCategory()) {
            Csv.row(out, Arrays.asList("category", c.key(), c.cases(), null));
        }
        for (ProductDigests.Count c : d.byRootCause()) {
            Csv.row(out, Arrays.asList("rootCause", c.key(), c.cases(), null));
        }
        for (ProductDigests.Count c : d.byProduct()) {
            Csv.row(out, Arrays.asList("product", c.key(), c.cases(), null));
        }
        for (ProductDigests.Quote q : d.examples()) {
            Csv.row(
                    out,
                    Arrays.asList(
                            "example",
                            q.businessKey(),
                            null,
                            (q.productSku() == null ? ProductDigests.NO_PRODUCT : q.productSku()) + ": " + q.text()));
        }
        return Csv.attachment("product-digest-" + d.quarter() + ".csv", out.toString());
    }

    private DigestView view(String label) {
        Period quarter;
        try {
            quarter = digests.quarter(label, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("quarter", e.getMessage())));
        }
        Optional<ProductDigests.StoredDigest> stored = digests.find(quarter.label());
        if (stored.isPresent()) {
            ProductDigests.StoredDigest s = stored.get();
            Review review =
                    s.reviewedAt() == null ? null : new Review(s.takenUp(), s.notes(), s.reviewedBy(), s.reviewedAt());
            return new DigestView(s.digest(), true, s.computedAt(), review);
        }
        return new DigestView(digests.compute(quarter), false, null, null);
    }
}
