package com.complaintdesk.audit;

import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.closure.Retrospective;
import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.common.Csv;
import com.complaintdesk.evidence.ChainCheck;
import com.complaintdesk.evidence.EvidenceItem;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.EvidenceVerification;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.web.FieldProblem;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' read-only view of every case: search, export and a case's whole file. Only auditors, supervisors,
 * owners and administrators reach it (see the identity module's security configuration); nothing here changes a
 * case.
 */
@RestController
@RequestMapping("/api/audit/cases")
class AuditController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final AuditCases cases;
    private final SlaEvents slaEvents;
    private final Outbox outbox;
    private final EvidenceStore evidence;
    private final Retrospectives retrospectives;
    private final CaseTimeline timelines;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    AuditController(
            AuditCases cases,
            SlaEvents slaEvents,
            Outbox outbox,
            EvidenceStore evidence,
            Retrospectives retrospectives,
            CaseTimeline timelines,
            ObjectMapper json) {
        this.cases = cases;
        this.slaEvents = slaEvents;
        this.outbox = outbox;
        this.evidence = evidence;
        this.retrospectives = retrospectives;
        this.timelines = timelines;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Search cases, newest post first",
            description = "Filters (all optional, all apply): channel, externalId, customer (id or name, exact), order"
                    + " (order id), tier, category, status, from (inclusive) and to (exclusive; a date without time is"
                    + " the whole day in UTC), slaBreached, compensationGiven, reviewOutcome. page counts from 0; size is"
                    + " 1 to " + MAX_SIZE + " (default " + DEFAULT_SIZE + "). Pages reach the first "
                    + AuditCases.WINDOW
                    + " matches and total counts up to that many (totalExact is false beyond it): export for more.")
    @ApiResponse(responseCode = "200", description = "{items, page, size, total, totalExact}")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is unknown, repeated or has a wrong value; errors name it")
    AuditCases.Page search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        CaseQuery.Parameters p = new CaseQuery.Parameters(parameters, List.of("page", "size"));
        CaseQuery query = CaseQuery.read(p);
        int size = p.integer("size", DEFAULT_SIZE, 1, MAX_SIZE);
        int page = p.integer("page", 0, 0, Integer.MAX_VALUE);
        if ((long) (page + 1) * size > AuditCases.WINDOW) {
            p.problems.add(new FieldProblem(
                    "page",
                    "lies beyond the first " + AuditCases.WINDOW + " matches: narrow the search, or export it"));
        }
        p.throwIfAny();
        return cases.search(query, page, size);
    }

    @GetMapping("/export")
    @Operation(
            summary = "Export every case a search matches, newest first, as JSON or CSV (streamed, no limit)",
            description = "The search's filters, plus format=json (default) or csv. JSON: {exportedAt, exportedBy,"
                    + " filters, items, count}. CSV: UTF-8 with a byte order mark, a header naming the fields of an"
                    + " item; a text cell starting with = + - @ gets a leading ' so a spreadsheet shows it as text.")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is unknown, repeated or has a wrong value; errors name it")
    void export(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            Principal caller,
            HttpServletResponse response)
            throws IOException {
        CaseQuery.Parameters p = new CaseQuery.Parameters(parameters, List.of("format"));
        CaseQuery query = CaseQuery.read(p);
        String format =
                Optional.ofNullable(p.oneOf("format", List.of("json", "csv"))).orElse("json");
        p.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        attachment(
                response,
                "cases-" + FILE_TIME.format(now) + "." + format,
                "csv".equals(format) ? Csv.MEDIA_TYPE : MediaType.APPLICATION_JSON);
        if ("csv".equals(format)) {
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write(Csv.BYTE_ORDER_MARK);
            Csv.row(out, CaseRow.COLUMNS);
            cases.export(query, row -> unchecked(() -> Csv.row(out, row.values())));
            out.flush();
            return;
        }
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeStringField("exportedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now));
            out.writeStringField("exportedBy", caller.getName());
            out.writeObjectField("filters", givenFilters(parameters));
            out.writeArrayFieldStart("items");
            long count = cases.export(query, row -> unchecked(() -> json.writeValue(out, row)));
            out.writeEndArray();
            out.writeNumberField("count", count);
            out.writeEndObject();
        }
    }

    /**
     * A case's whole file: its record, the complaint as received, its SLA clock events, every message sent, its
     * evidence with each item's verification state and the chain's verification (X4, E6), and its retrospective (A4)
     * when one was held.
     */
    record CaseFile(
            @JsonProperty("case") CaseRow caseRecord,
            JsonNode complaint,
            List<SlaEvent> slaEvents,
            List<OutboxEntry> messages,
            List<EvidenceRow> evidence,
            EvidenceVerification evidenceVerification,
            Retrospective retrospective) {}

    /** An evidence item as the case file lists it, with how it fared when the chain was verified. */
    record EvidenceRow(
            String id,
            int seq,
            String kind,
            String sourceRef,
            OffsetDateTime createdAt,
            String createdBy,
            String sha256,
            String previousSha256,
            ChainCheck.ItemState state,
            String problem,
            String content) {

        static EvidenceRow of(ChainCheck.CheckedItem checked) {
            EvidenceItem i = checked.item();
            return new EvidenceRow(
                    i.id(),
                    i.seq(),
                    i.kind(),
                    i.sourceRef(),
                    i.createdAt(),
                    i.createdBy(),
                    i.sha256(),
                    i.previousSha256(),
                    checked.state(),
                    checked.problem(),
                    i.content());
        }
    }

    @GetMapping(path = "/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A case's file: its record, the complaint as received, its SLA events, its messages, its "
                    + "evidence (each item verified) and its retrospective")
    @ApiResponse(
            responseCode = "200",
            description = "{case, complaint, slaEvents, messages, evidence, " + "evidenceVerification, retrospective}")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> caseFile(@PathVariable String caseId) {
        return file(caseId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noCase(caseId));
    }

    @GetMapping("/{caseId}.csv")
    @Operation(
            summary = "A case's file as CSV: one row per field, clock event, message, evidence item and retrospective"
                    + " field",
            description = "Columns section, at, item, value, by, detail. Sections: case (the record, one field a row),"
                    + " complaint (the complaint as received, one field a row by its JSON path), sla (clock events in"
                    + " the order they happened), message (what was sent, oldest first), evidence (each item in chain"
                    + " order: its content, who preserved it, its verification state and hash; then the chain's"
                    + " verdict) and retrospective (one field a row).")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> caseCsv(@PathVariable String caseId) throws IOException {
        Optional<CaseFile> file = file(caseId);
        if (file.isEmpty()) {
            return noCase(caseId);
        }
        java.io.StringWriter out = new java.io.StringWriter();
        out.write(Csv.BYTE_ORDER_MARK);
        CaseFile f = file.get();
        Csv.row(out, List.of("section", "at", "item", "value", "by", "detail"));
        List<Object> values = f.caseRecord().values();
        for (int i = 0; i < CaseRow.COLUMNS.size(); i++) {
            Csv.row(out, java.util.Arrays.asList("case", null, CaseRow.COLUMNS.get(i), values.get(i), null, null));
        }
        for (Map.Entry<String, String> field : flatten(f.complaint()).entrySet()) {
            Csv.row(out, java.util.Arrays.asList("complaint", null, field.getKey(), field.getValue(), null, null));
        }
        for (SlaEvent e : f.slaEvents()) {
            Csv.row(
                    out,
                    java.util.Arrays.asList(
                            "sla",
                            e.occurredAt(),
                            e.clock() + " " + e.event(),
                            e.tier(),
                            e.actor(),
                            e.dueAt() == null ? null : "due " + Csv.cell(e.dueAt())));
        }
        for (OutboxEntry m : f.messages()) {
            List<String> detail = new ArrayList<>();
            detail.add(m.status() + (m.deliveredAt() == null ? "" : " " + Csv.cell(m.deliveredAt())));
            detail.add("on " + m.channel() + " " + m.surface() + (m.recipient() == null ? "" : " to " + m.recipient()));
            if (m.platformRef() != null) {
                detail.add("ref " + m.platformRef());
            }
            Csv.row(
                    out,
                    java.util.Arrays.asList(
                            "message", m.createdAt(), m.kind().name(), m.text(), null, String.join("; ", detail)));
        }
        for (EvidenceRow e : f.evidence()) {
            Csv.row(
                    out,
                    java.util.Arrays.asList(
                            "evidence",
                            e.createdAt(),
                            "#" + e.seq() + " " + e.kind(),
                            e.content(),
                            e.createdBy(),
                            e.state().json() + (e.problem() == null ? "" : ": " + e.problem()) + "; sha256 "
                                    + e.sha256() + (e.sourceRef() == null ? "" : "; source " + e.sourceRef())));
        }
        EvidenceVerification v = f.evidenceVerification();
        Csv.row(
                out,
                java.util.Arrays.asList(
                        "evidence",
                        v.verifiedAt(),
                        "verification",
                        v.valid() ? "valid" : "broken",
                        null,
                        v.reason() + (v.lastSha256() == null ? "" : "; last sha256 " + v.lastSha256())));
        Retrospective r = f.retrospective();
        if (r != null) {
            Csv.row(out, java.util.Arrays.asList("retrospective", r.heldAt(), "cause", r.cause(), r.heldBy(), null));
            Csv.row(
                    out,
                    java.util.Arrays.asList("retrospective", r.heldAt(), "findings", r.findings(), r.heldBy(), null));
            Csv.row(out, java.util.Arrays.asList("retrospective", r.heldAt(), "action", r.action(), r.heldBy(), null));
            Csv.row(
                    out,
                    java.util.Arrays.asList(
                            "retrospective", r.heldAt(), "trainingCase", r.trainingCase(), r.heldBy(), null));
        }
        return Csv.attachment("case-" + caseId + ".csv", out.toString());
    }

    @GetMapping(path = "/{caseId}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A case's timeline: everything that happened to it, oldest first",
            description = "One list merging the case record's milestones and retrospective, every process instance of"
                    + " the case (activities, tasks with candidate groups, assignee, who completed them and durations,"
                    + " variable updates with who set them, the user operation log, comments, decisions with inputs and"
                    + " outputs, incidents), SLA clock events, messages with their delivery and evidence items with"
                    + " their verification state. Entries at the same instant keep a stable order. The engine's part"
                    + " is read as the caller, under the engine's authorizations. {caseId, businessKey, entries:[{at,"
                    + " kind, event, title, actor, processInstanceId, processKey, detail}], evidence}")
    @ApiResponse(responseCode = "200", description = "{caseId, businessKey, entries, evidence}")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> timeline(@PathVariable String caseId, Principal caller) {
        return timelines
                .of(caseId, caller.getName())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> noCase(caseId));
    }

    private Optional<CaseFile> file(String caseId) {
        return cases.find(caseId).map(row -> {
            ChainCheck check = evidence.check(caseId, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
            return new CaseFile(
                    row,
                    complaint(caseId),
                    slaEvents.forCase(caseId),
                    outbox.forCase(caseId),
                    check.items().stream().map(EvidenceRow::of).toList(),
                    check.verification(),
                    retrospectives.forCase(caseId).orElse(null));
        });
    }

    private JsonNode complaint(String caseId) {
        return cases.receivedComplaint(caseId)
                .map(payload -> {
                    try {
                        return json.readTree(payload);
                    } catch (IOException unreadable) {
                        return json.getNodeFactory().textNode(payload);
                    }
                })
                .orElse(null);
    }

    /** The leaves of a JSON tree by their paths ({@code customer.name}, {@code items[0]}), in document order. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node.asText());
        }
    }

    private static Map<String, String> givenFilters(MultiValueMap<String, String> parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : CaseQuery.FILTERS) {
            String value = parameters.getFirst(name);
            if (value != null && !value.isBlank()) {
                given.put(name, value.strip());
            }
        }
        return given;
    }

    private static void attachment(HttpServletResponse response, String filename, MediaType type) {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }

    private static ResponseEntity<ProblemDetail> noCase(String caseId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case with id " + caseId));
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void unchecked(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
