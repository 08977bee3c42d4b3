package com.complaintdesk.intake;

import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Opens cases from a CSV file, one complaint per row: each row is checked like a complaint sent to
 * {@code POST /api/complaints} and received by {@link ComplaintIntake} in its own transaction, so a bad row
 * never keeps the others out, and a row received before (same channel and externalId) opens no second case.
 * A file that cannot be read as a whole (not UTF-8, not CSV, a wrong header, too large) stores nothing.
 */
@Service
public class ComplaintImport {

    /** The largest file accepted, in bytes (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The most complaint rows accepted in one file. */
    public static final int MAX_ROWS = 1000;

    private static final Logger log = LoggerFactory.getLogger(ComplaintImport.class);
    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final ComplaintIntake intake;
    private final Validator validator;

    ComplaintImport(ComplaintIntake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    /** What became of one row: {@code row} is the line of the file it starts on, the header being line 1. */
    public record RowResult(int row, Status status, String caseId, String externalId, List<FieldProblem> errors) {}

    /** What became of every row of a file, in the file's order. */
    public record Report(int rows, long created, long duplicates, long rejected, List<RowResult> results) {

        static Report of(List<RowResult> results) {
            return new Report(
                    results.size(),
                    count(results, Status.CREATED),
                    count(results, Status.DUPLICATE),
                    count(results, Status.REJECTED),
                    List.copyOf(results));
        }

        private static long count(List<RowResult> results, Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }
    }

    public enum Status {
        /** A new case was opened. */
        CREATED,
        /** A case for this channel and externalId existed already, from before or from an earlier row. */
        DUPLICATE,
        /** Nothing was stored; {@code errors} says why. */
        REJECTED;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The file as a whole was refused, with the HTTP status to answer; nothing was stored. */
    public static final class RefusedException extends RuntimeException {

        private final transient HttpStatus status;
        private final transient List<FieldProblem> problems;

        RefusedException(HttpStatus status, String message) {
            this(status, message, List.of());
        }

        RefusedException(HttpStatus status, String message, List<FieldProblem> problems) {
            super(message);
            this.status = status;
            this.problems = List.copyOf(problems);
        }

        public HttpStatus status() {
            return status;
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    /**
     * Reads a CSV file of at most {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} rows and receives each row as
     * the user authenticated with the engine.
     *
     * @param contentType the request's Content-Type: {@code text/csv}, with or without parameters
     * @param declaredLength the request's Content-Length, or -1 when unknown
     * @throws RefusedException when the file as a whole cannot be imported; nothing is stored then
     */
    public Report importCsv(String contentType, InputStream file, long declaredLength) throws IOException {
        if (!isCsv(contentType)) {
            throw new RefusedException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The request has "
                            + (contentType == null ? "no Content-Type" : "Content-Type '" + contentType + "'")
                            + "; send the file as text/csv (curl: -H 'Content-Type: text/csv' --data-binary @file.csv).");
        }
        if (declaredLength > MAX_BYTES) {
            throw tooLarge(declaredLength + " bytes");
        }
        byte[] bytes = file.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge("more than " + MAX_BYTES + " bytes");
        }
        List<CsvParser.Row> records;
        try {
            records = CsvParser.parse(utf8(bytes));
        } catch (CsvParser.FormatException e) {
            throw new RefusedException(
                    HttpStatus.BAD_REQUEST, "The file is not valid CSV: " + e.getMessage() + ". Nothing was imported.");
        }
        if (records.isEmpty()) {
            throw new RefusedException(
                    HttpStatus.BAD_REQUEST,
                    "The file is empty: it needs a header line naming the" + " columns ("
                            + Column.headers(Column.required()) + " at least), then one complaint per line.");
        }
        Header header = Header.of(records.get(0));
        List<CsvParser.Row> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            throw new RefusedException(HttpStatus.BAD_REQUEST, "The file has a header but no complaint after it.");
        }
        if (rows.size() > MAX_ROWS) {
            throw new RefusedException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "The file has " + rows.size() + " complaints;" + " at most " + MAX_ROWS
                            + " are imported at once. Split it into smaller files; nothing was imported.");
        }
        return Report.of(rows.stream().map(row -> receive(header, row)).toList());
    }

    private RowResult receive(Header header, CsvParser.Row row) {
        if (row.cells().size() != header.columns().size()) {
            return rejected(
                    row,
                    header.cell(row, Column.EXTERNAL_ID),
                    List.of(new FieldProblem(
                            null,
                            "has " + row.cells().size() + " cells where the header has "
                                    + header.columns().size()
                                    + " columns (a cell with a comma, quote or line break must be in quotes)")));
        }
        Cells cells = new Cells(header, row);
        ComplaintRequest request = cells.request();
        String externalId = cells.text(Column.EXTERNAL_ID);
        List<FieldProblem> problems = problems(request, cells.problems());
        if (!problems.isEmpty()) {
            return rejected(row, externalId, problems);
        }
        try {
            ComplaintIntake.Received received = intake.receive(request);
            return new RowResult(
                    row.line(),
                    received.created() ? Status.CREATED : Status.DUPLICATE,
                    received.complaintCase().caseId(),
                    externalId,
                    null);
        } catch (InvalidRequestException e) {
            return rejected(
                    row,
                    externalId,
                    e.problems().stream().map(ComplaintImport::inColumns).toList());
        } catch (RuntimeException e) {
            log.error("Importing the complaint on line {} ({}) failed", row.line(), externalId, e);
            return rejected(
                    row,
                    externalId,
                    List.of(
                            new FieldProblem(
                                    null,
                                    "could not be stored because of an error on our side; importing the file again retries it")));
        }
    }

    /** Every problem of a row at once: unreadable cells, then the intake's own rules for the rest. */
    private List<FieldProblem> problems(ComplaintRequest request, List<FieldProblem> unreadable) {
        Set<String> unreadableColumns =
                unreadable.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> problems = new ArrayList<>(unreadable);
        for (ConstraintViolation<ComplaintRequest> violation : validator.validate(request)) {
            problems.add(inColumns(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
        }
        try {
            intake.validate(request);
        } catch (InvalidRequestException e) {
            e.problems().stream().map(ComplaintImport::inColumns).forEach(problems::add);
        }
        return problems.stream()
                .filter(p -> unreadable.contains(p) || !unreadableColumns.contains(p.field()))
                .distinct()
                .sorted(Comparator.comparing((FieldProblem p) -> Column.order(p.field()))
                        .thenComparing(FieldProblem::message))
                .toList();
    }

    /** A problem named by the JSON path of the intake ({@code order.currency}) as the file's column ({@code orderCurrency}). */
    private static FieldProblem inColumns(FieldProblem problem) {
        String message = problem.message();
        for (Column column : Column.values()) {
            if (column.path.contains(".")) {
                message = message.replace(column.path, column.header);
            }
        }
        return new FieldProblem(
                Column.byPath(problem.field()).map(c -> c.header).orElse(problem.field()), message);
    }

    private static RowResult rejected(CsvParser.Row row, String externalId, List<FieldProblem> problems) {
        return new RowResult(row.line(), Status.REJECTED, null, externalId, problems);
    }

    private static boolean isCsv(String contentType) {
        try {
            return contentType != null
                    && MediaType.parseMediaType(contentType).isCompatibleWith(TEXT_CSV)
                    && !MediaType.parseMediaType(contentType).isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new RefusedException(
                    HttpStatus.BAD_REQUEST,
                    "The file is not UTF-8 text: line " + line
                            + " has bytes that are not UTF-8. Save it as \"CSV UTF-8\"; nothing was imported.");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static RefusedException tooLarge(String size) {
        return new RefusedException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "The file is " + size + "; at most 1 MiB (" + MAX_BYTES
                        + " bytes) is imported at once. Split it into smaller files; nothing was imported.");
    }

    /** The header line: which column each position of a row holds. */
    private record Header(List<Column> columns) {

        static Header of(CsvParser.Row row) {
            List<Column> columns = new ArrayList<>();
            List<FieldProblem> problems = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                String name = row.cells().get(i).strip();
                Optional<Column> column = Column.byHeader(name);
                if (name.isEmpty()) {
                    problems.add(new FieldProblem("column " + (i + 1), "has no name"));
                } else if (column.isEmpty()) {
                    problems.add(new FieldProblem(name, "is not a known column"));
                } else if (columns.contains(column.get())) {
                    problems.add(new FieldProblem(name, "appears more than once"));
                }
                columns.add(column.orElse(null));
            }
            if (columns.stream().allMatch(c -> c == null)) {
                throw new RefusedException(
                        HttpStatus.BAD_REQUEST,
                        "The first line of the file is not a header of"
                                + " known columns. A CSV file for the import starts with a line such as "
                                + Column.headers(Column.required()) + "; the known columns are "
                                + Column.headers(List.of(Column.values()))
                                + ".",
                        problems);
            }
            for (Column required : Column.required()) {
                if (!columns.contains(required)) {
                    problems.add(new FieldProblem(required.header, "is a required column and missing from the header"));
                }
            }
            if (!problems.isEmpty()) {
                throw new RefusedException(
                        HttpStatus.BAD_REQUEST,
                        "The header line has " + problems.size()
                                + " problem(s): "
                                + problems.stream()
                                        .map(p -> p.field() + " " + p.message())
                                        .collect(Collectors.joining("; "))
                                + ". The known columns are "
                                + Column.headers(List.of(Column.values())) + "; nothing was imported.",
                        problems);
            }
            return new Header(List.copyOf(columns));
        }

        String cell(CsvParser.Row row, Column column) {
            int index = columns.indexOf(column);
            return index < 0
                            || index >= row.cells().size()
                            || row.cells().get(index).isBlank()
                    ? null
                    : row.cells().get(index);
        }
    }

    /** The cells of one row read as the intake's types; a cell that cannot be read is a problem and no value. */
    private static final class Cells {

        private final Map<Column, String> values = new EnumMap<>(Column.class);
        private final List<FieldProblem> problems = new ArrayList<>();

        Cells(Header header, CsvParser.Row row) {
            for (Column column : header.columns()) {
                values.put(column, header.cell(row, column));
            }
        }

        List<FieldProblem> problems() {
            return problems;
        }

        ComplaintRequest request() {
            ComplaintRequest.Customer customer = new ComplaintRequest.Customer(
                    text(Column.CUSTOMER_ID),
                    text(Column.CUSTOMER_NAME),
                    read(Column.CUSTOMER_ACCOUNT_CREATED, LocalDate.class, LocalDate::parse),
                    text(Column.CUSTOMER_TIMEZONE),
                    read(Column.CUSTOMER_LIFETIME_ORDERS, Integer.class, Integer::valueOf));
            ComplaintRequest.ShippingAddress address = any(
                            Column.SHIP_COUNTRY,
                            Column.SHIP_REGION,
                            Column.SHIP_CITY,
                            Column.SHIP_POSTAL_CODE,
                            Column.SHIP_REMOTE)
                    ? new ComplaintRequest.ShippingAddress(
                            text(Column.SHIP_COUNTRY),
                            text(Column.SHIP_REGION),
                            text(Column.SHIP_CITY),
                            text(Column.SHIP_POSTAL_CODE),
                            read(Column.SHIP_REMOTE, Boolean.class, Cells::bool))
                    : null;
            ComplaintRequest.Order order = address != null
                            || any(
                                    Column.ORDER_ID,
                                    Column.ORDER_VALUE,
                                    Column.ORDER_CURRENCY,
                                    Column.ORDER_PROMISED_DELIVERY,
                                    Column.ORDER_SHIPPED_AT,
                                    Column.ORDER_DELIVERED_AT)
                    ? new ComplaintRequest.Order(
                            text(Column.ORDER_ID),
                            read(Column.ORDER_VALUE, BigDecimal.class, BigDecimal::new),
                            text(Column.ORDER_CURRENCY),
                            read(Column.ORDER_PROMISED_DELIVERY, LocalDate.class, LocalDate::parse),
                            read(Column.ORDER_SHIPPED_AT, OffsetDateTime.class, OffsetDateTime::parse),
                            read(Column.ORDER_DELIVERED_AT, OffsetDateTime.class, OffsetDateTime::parse),
                            address)
                    : null;
            ComplaintRequest.Shop shop = any(Column.SHOP_ID, Column.SHOP_OPENED_ON, Column.SHOP_COUNTRY)
                    ? new ComplaintRequest.Shop(
                            text(Column.SHOP_ID),
                            read(Column.SHOP_OPENED_ON, LocalDate.class, LocalDate::parse),
                            text(Column.SHOP_COUNTRY))
                    : null;
            ComplaintRequest.Product product =
                    any(Column.PRODUCT_SKU, Column.PRODUCT_TITLE, Column.PRODUCT_PRICE, Column.PRODUCT_FRAGILE)
                            ? new ComplaintRequest.Product(
                                    text(Column.PRODUCT_SKU),
                                    text(Column.PRODUCT_TITLE),
                                    read(Column.PRODUCT_PRICE, BigDecimal.class, BigDecimal::new),
                                    read(Column.PRODUCT_FRAGILE, Boolean.class, Cells::bool))
                            : null;
            ComplaintRequest.Engagement engagement = any(Column.LIKES, Column.SHARES, Column.COMMENTS)
                    ? new ComplaintRequest.Engagement(
                            read(Column.LIKES, Integer.class, Integer::valueOf),
                            read(Column.SHARES, Integer.class, Integer::valueOf),
                            read(Column.COMMENTS, Integer.class, Integer::valueOf))
                    : null;
            return new ComplaintRequest(
                    channel(),
                    text(Column.EXTERNAL_ID),
                    read(Column.POSTED_AT, OffsetDateTime.class, OffsetDateTime::parse),
                    text(Column.TEXT),
                    text(Column.LANGUAGE),
                    customer,
                    order,
                    product,
                    engagement,
                    shop);
        }

        /** A cell as written; an empty or blank cell is no value. */
        String text(Column column) {
            return values.get(column);
        }

        private boolean any(Column... columns) {
            return Arrays.stream(columns).anyMatch(c -> values.get(c) != null);
        }

        private Channel channel() {
            String key = values.get(Column.CHANNEL);
            if (key == null) {
                return null;
            }
            try {
                return Channel.fromKey(key.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(Column.CHANNEL.header, e.getMessage()));
                return null;
            }
        }

        private <T> T read(Column column, Class<T> type, Function<String, T> parse) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add(FieldProblem.invalidValue(column.header, value, type));
                return null;
            }
        }

        private static Boolean bool(String value) {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException(value);
        }
    }

    /** The columns of an import file, each with the field of {@link ComplaintRequest} it fills. */
    enum Column {
        CHANNEL("channel", "channel", true),
        EXTERNAL_ID("externalId", "externalId", true),
        POSTED_AT("postedAt", "postedAt", true),
        TEXT("text", "text", true),
        LANGUAGE("language", "language", true),
        CUSTOMER_ID("customerId", "customer.id", true),
        CUSTOMER_NAME("customerName", "customer.name", false),
        CUSTOMER_ACCOUNT_CREATED("customerAccountCreated", "customer.accountCreated", false),
        CUSTOMER_TIMEZONE("customerTimezone", "customer.timezone", false),
        CUSTOMER_LIFETIME_ORDERS("customerLifetimeOrders", "customer.lifetimeOrders", false),
        ORDER_ID("orderId", "order.id", false),
        ORDER_VALUE("orderValue", "order.value", false),
        ORDER_CURRENCY("orderCurrency", "order.currency", false),
        ORDER_PROMISED_DELIVERY("orderPromisedDelivery", "order.promisedDelivery", false),
        ORDER_SHIPPED_AT("orderShippedAt", "order.shippedAt", false),
        ORDER_DELIVERED_AT("orderDeliveredAt", "order.deliveredAt", false),
        SHIP_COUNTRY("shipCountry", "order.shippingAddress.country", false),
        SHIP_REGION("shipRegion", "order.shippingAddress.region", false),
        SHIP_CITY("shipCity", "order.shippingAddress.city", false),
        SHIP_POSTAL_CODE("shipPostalCode", "order.shippingAddress.postalCode", false),
        SHIP_REMOTE("shipRemote", "order.shippingAddress.remote", false),
        PRODUCT_SKU("productSku", "product.sku", false),
        PRODUCT_TITLE("productTitle", "product.title", false),
        PRODUCT_PRICE("productPrice", "product.price", false),
        PRODUCT_FRAGILE("productFragile", "product.fragile", false),
        LIKES("likes", "engagement.likes", false),
        SHARES("shares", "engagement.shares", false),
        COMMENTS("comments", "engagement.comments", false),
        SHOP_ID("shopId", "shop.id", false),
        SHOP_OPENED_ON("shopOpenedOn", "shop.openedOn", false),
        SHOP_COUNTRY("shopCountry", "shop.country", false);

        private static final Map<String, Column> BY_HEADER = Stream.of(values())
                .collect(Collectors.toMap(
                        c -> c.header.toLowerCase(Locale.ROOT), c -> c, (a, b) -> a, LinkedHashMap::new));

        final String header;
        final String path;
        final boolean required;

        Column(String header, String path, boolean required) {
            this.header = header;
            this.path = path;
            this.required = required;
        }

        /** A header name, ignoring case: {@code ExternalID} is {@code externalId}. */
        static Optional<Column> byHeader(String name) {
            return Optional.ofNullable(BY_HEADER.get(name.toLowerCase(Locale.ROOT)));
        }

        static Optional<Column> byPath(String path) {
            return Stream.of(values()).filter(c -> c.path.equals(path)).findFirst();
        }

        static List<Column> required() {
            return Stream.of(values()).filter(c -> c.required).toList();
        }

        static String headers(List<Column> columns) {
            return columns.stream().map(c -> c.header).collect(Collectors.joining(","));
        }

        /** Problems sort by column, in this order; a problem of the whole row first. */
        static int order(String header) {
            return header == null ? -1 : byHeader(header).map(Enum::ordinal).orElse(values().length);
        }
    }
}
