package com.complaintdesk.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private final ComplaintIntake intake;

    ComplaintController(ComplaintIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('agents', 'supervisors', 'camunda-admin')")
    @Operation(summary = "Receive a complaint: store it and start its case (idempotent per channel and externalId)")
    @ApiResponse(responseCode = "201", description = "A new case was opened")
    @ApiResponse(responseCode = "200", description = "This complaint was received before; the existing case")
    @ApiResponse(responseCode = "400", description = "A field is missing or wrong; nothing was stored")
    ResponseEntity<ComplaintCase> receive(@Valid @RequestBody ComplaintRequest request) {
        ComplaintIntake.Received received = intake.receive(request);
        ComplaintCase body = withLinks(received.complaintCase());
        if (!received.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create(body.links().get("self"))).body(body);
    }

    @GetMapping("/{caseId}")
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
        links.put("tasks", base + "/engine-rest/task?processInstanceBusinessKey="
                + URLEncoder.encode(c.businessKey(), StandardCharsets.UTF_8));
        if (c.processInstanceId() != null) {
            links.put("processInstance", base + "/engine-rest/process-instance/" + c.processInstanceId());
            links.put("cockpit", base + "/camunda/app/cockpit/default/#/process-instance/" + c.processInstanceId() + "/runtime");
        }
        links.put("tasklist", base + "/camunda/app/tasklist/default/");
        return new ComplaintCase(c.caseId(), c.businessKey(), c.channel(), c.externalId(), c.postedAt(), c.receivedAt(),
                c.receivedBy(), c.language(), c.customerId(), c.customerName(), c.text(), c.processInstanceId(), links);
    }
}
