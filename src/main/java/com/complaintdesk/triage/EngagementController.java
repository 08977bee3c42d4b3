package com.complaintdesk.triage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngagementController {

    private final EngagementUpdates updates;

    EngagementController(EngagementUpdates updates) {
        this.updates = updates;
    }

    @PostMapping("/api/complaints/{caseId}/engagement")
    @PreAuthorize("hasAnyRole('agents', 'supervisors', 'camunda-admin')")
    @Operation(
            summary =
                    "Report the post's current like, share and comment counts (T6): fast growth re-tiers the open case")
    @ApiResponse(
            responseCode = "200",
            description = "Recorded; the case's tier afterwards and whether this update re-tiered it")
    @ApiResponse(
            responseCode = "400",
            description = "A count is negative, or observedAt is missing, in the future or before the post")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> update(@PathVariable String caseId, @Valid @RequestBody EngagementUpdateRequest request) {
        try {
            EngagementUpdates.Outcome outcome = updates.update(caseId, request.counts(), request.observedAt());
            return ResponseEntity.ok(new EngagementUpdateResponse(
                    outcome.caseId(), outcome.tier(), outcome.retiered(), outcome.reason()));
        } catch (EngagementUpdates.UnknownCaseException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
        }
    }

    /**
     * The post's counts as the channel shows them at {@code observedAt}: totals since the post. A count left out
     * is not reported this time; the highest seen so far stays.
     */
    record EngagementUpdateRequest(
            @PositiveOrZero Integer likes,
            @PositiveOrZero Integer shares,
            @PositiveOrZero Integer comments,
            @NotNull OffsetDateTime observedAt) {

        Engagement counts() {
            return new Engagement(orZero(likes), orZero(shares), orZero(comments));
        }

        private static int orZero(Integer count) {
            return count == null ? 0 : count;
        }
    }

    /** The case's tier after the update; {@code reason} is the re-tier's reason, null when it did not re-tier. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EngagementUpdateResponse(String caseId, String tier, boolean retiered, String reason) {}
}
