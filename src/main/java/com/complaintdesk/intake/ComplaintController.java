package com.complaintdesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    /** The example of the API documentation ({@code /api/docs}): a complaint this endpoint accepts as it is. */
    static final String EXAMPLE_COMPLAINT =
            """
            {
              "channel": "instagram",
              "externalId": "ig-example-1001",
              "postedAt": "2026-11-23T09:15:00+08:00",
              "language": "en",
              "text": "The mug arrived broken and the box was crushed. It was a birthday present.",
              "customer": {"id": "cust-17", "name": "Mia Chen", "timezone": "Europe/Berlin"},
              "order": {"id": "ord-9", "value": 38.50, "currency": "USD"},
              "product": {"sku": "MUG-CER-350", "title": "Ceramic mug 350 ml", "price": 38.50, "fragile": true}
            }""";

    /** The example of a refusal: the problem shape every 400 of this API has. */
    static final String EXAMPLE_PROBLEM =
            """
            {
              "type": "about:blank",
              "title": "Invalid request",
              "status": 400,
              "detail": "1 invalid field(s): text must not be blank",
              "instance": "/api/complaints",
              "errors": [{"field": "text", "message": "must not be blank"}]
            }""";

    private final ComplaintIntake intake;
    private final ComplaintImport imports;

    ComplaintController(ComplaintIntake intake, ComplaintImport imports) {
        this.intake = intake;
        this.imports = imports;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agents', 'supervisors', 'camunda-admin')")
    @Operation(summary = "Receive a complaint: store it and start its case (idempotent per channel and externalId)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ComplaintRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "instagram",
                                            summary = "A broken mug, posted as an Instagram comment",
                                            value = EXAMPLE_COMPLAINT)))
    @ApiResponse(responseCode = "201", description = "A new case was opened")
    @ApiResponse(responseCode = "200", description = "This complaint was received before; the existing case")
    @ApiResponse(
            responseCode = "400",
            description =
                    "A field is missing or wrong; nothing was stored. Each error names" + " its field by JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            examples = @ExampleObject(name = "missing text", value = EXAMPLE_PROBLEM)))
    ResponseEntity<ComplaintCase> receive(@Valid @RequestBody ComplaintRequest request) {
        ComplaintIntake.Received received = intake.receive(request);
        ComplaintCase body = withLinks(received.complaintCase());
        if (!received.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create(body.links().get("self"))).body(body);
    }

    // No "consumes": a file sent with another Content-Type gets the import's own 415 that names text/csv.
    @PostMapping(path = "/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('agents', 'supervisors', 'camunda-admin')")
    @Operation(
            summary = "Import complaints from a CSV file: one case per row, idempotent per channel and externalId",
            description =
                    "UTF-8 (with or without BOM), a header line naming the columns in any order, RFC 4180 quoting."
                            + " Required columns: channel, externalId, postedAt, text, language, customerId. Each row is checked"
                            + " like POST /api/complaints and stored on its own, so a bad row never keeps the others out. At most"
                            + " 1 MiB and 1000 rows.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            value =
                                                    """
                    channel,externalId,postedAt,text,language,customerId,orderId,orderValue,orderCurrency
                    instagram,ig-1001,2026-11-23T09:15:00+08:00,"The mug arrived broken, box crushed",en,cust-17,ord-9,38.50,USD
                    """)))
    @ApiResponse(
            responseCode = "200",
            description = "Every row's outcome: created, duplicate or rejected with the reasons")
    @ApiResponse(
            responseCode = "400",
            description = "The file is not UTF-8 CSV, is empty, or its header names unknown"
                    + " columns or lacks required ones; nothing was stored")
    @ApiResponse(responseCode = "413", description = "The file is over 1 MiB or 1000 rows; nothing was stored")
    @ApiResponse(responseCode = "415", description = "The request's Content-Type is not text/csv; nothing was stored")
    ComplaintImport.Report importFile(HttpServletRequest request) throws IOException {
        return imports.importCsv(request.getContentType(), request.getInputStream(), request.getContentLengthLong());
    }

    @ExceptionHandler(ComplaintImport.RefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ComplaintImport.RefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle("File not imported");
        if (!e.problems().isEmpty()) {
            problem.setProperty("errors", e.problems());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @GetMapping("/{caseId}")
    // The people who work or read cases; not the product team (analytics only) nor a user without a role.
    @PreAuthorize(
            "hasAnyRole('agents', 'supervisors', 'legal', 'owners', 'process-owners', 'auditors', 'camunda-admin')")
    @Operation(summary = "A case by its id")
    ResponseEntity<?> get(@PathVariable String caseId) {
        return intake.find(caseId)
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(withLinks(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case with id " + caseId)));
    }

    private static ComplaintCase withLinks(ComplaintCase c) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + "/api/complaints/" + c.caseId());
        links.put(
                "tasks",
                base + "/engine-rest/task?processInstanceBusinessKey="
                        + URLEncoder.encode(c.businessKey(), StandardCharsets.UTF_8));
        if (c.processInstanceId() != null) {
            links.put("processInstance", base + "/engine-rest/process-instance/" + c.processInstanceId());
            links.put(
                    "cockpit",
                    base + "/camunda/app/cockpit/default/#/process-instance/" + c.processInstanceId() + "/runtime");
        }
        links.put("tasklist", base + "/camunda/app/tasklist/default/");
        return new ComplaintCase(
                c.caseId(),
                c.businessKey(),
                c.channel(),
                c.externalId(),
                c.postedAt(),
                c.receivedAt(),
                c.receivedBy(),
                c.language(),
                c.customerId(),
                c.customerName(),
                c.text(),
                c.processInstanceId(),
                links);
    }
}
