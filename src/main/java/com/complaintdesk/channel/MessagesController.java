package com.complaintdesk.channel;

import com.complaintdesk.intake.ComplaintIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessagesController {

    private final Outbox outbox;
    private final ComplaintIntake intake;

    MessagesController(Outbox outbox, ComplaintIntake intake) {
        this.outbox = outbox;
        this.intake = intake;
    }

    @GetMapping("/api/complaints/{caseId}/messages")
    // As reading the case (ComplaintController): the people who work or read cases.
    @PreAuthorize(
            "hasAnyRole('agents', 'supervisors', 'legal', 'owners', 'process-owners', 'auditors', 'camunda-admin')")
    @Operation(
            summary = "Everything sent for a case (replies, private messages, offers, platform actions), oldest first")
    @ApiResponse(responseCode = "200", description = "The case's outbox, possibly empty")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> messages(@PathVariable String caseId) {
        if (intake.find(caseId).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case with id " + caseId));
        }
        return ResponseEntity.ok(outbox.forCase(caseId));
    }
}
