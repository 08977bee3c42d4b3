package com.complaintdesk.evidence;

import com.complaintdesk.intake.ComplaintIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's evidence and its verification (X4, E6), read-only: for auditors, who read the full history of every case,
 * and for supervisors, owners and administrators, who stand for the shop in a dispute. Agents work the case itself
 * and do not need the chain. Nothing here, nor anywhere else, changes or removes evidence.
 */
@RestController
@RequestMapping("/api/audit/cases/{caseId}/evidence")
@PreAuthorize("hasAnyRole('auditors', 'supervisors', 'owners', 'camunda-admin')")
class EvidenceController {

    private final EvidenceStore evidence;
    private final ComplaintIntake intake;
    private final Clock clock = Clock.systemUTC();

    EvidenceController(EvidenceStore evidence, ComplaintIntake intake) {
        this.evidence = evidence;
        this.intake = intake;
    }

    /** An item as listed, with how it fared in the verification. */
    record ListedItem(
            String id,
            int seq,
            String kind,
            String sourceRef,
            OffsetDateTime createdAt,
            String createdBy,
            int hashVersion,
            String sha256,
            String previousSha256,
            String content,
            ChainCheck.ItemState state,
            String problem) {

        static ListedItem of(ChainCheck.CheckedItem checked) {
            EvidenceItem i = checked.item();
            return new ListedItem(
                    i.id(),
                    i.seq(),
                    i.kind(),
                    i.sourceRef(),
                    i.createdAt(),
                    i.createdBy(),
                    i.hashVersion(),
                    i.sha256(),
                    i.previousSha256(),
                    i.content(),
                    checked.state(),
                    checked.problem());
        }
    }

    @GetMapping
    @Operation(
            summary = "The case's evidence in the order it was preserved, each item with its verification state "
                    + "(verified, altered, unlinked, after-break)")
    @ApiResponse(responseCode = "200", description = "The items, possibly none")
    @ApiResponse(
            responseCode = "403",
            description = "Only auditors, supervisors, owners and administrators read evidence")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> list(@PathVariable String caseId) {
        if (intake.find(caseId).isEmpty()) {
            return notFound(caseId);
        }
        List<ListedItem> items = evidence.check(caseId, now()).items().stream()
                .map(ListedItem::of)
                .toList();
        return ResponseEntity.ok(items);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recomputes every hash and link of the case's evidence chain; names the first broken link")
    @ApiResponse(
            responseCode = "200",
            description =
                    "valid, or the first broken link's seq (and id, when that item is " + "still there) and the reason")
    @ApiResponse(
            responseCode = "403",
            description = "Only auditors, supervisors, owners and administrators read evidence")
    @ApiResponse(responseCode = "404", description = "No case with this id")
    ResponseEntity<?> verification(@PathVariable String caseId) {
        if (intake.find(caseId).isEmpty()) {
            return notFound(caseId);
        }
        return ResponseEntity.ok(evidence.check(caseId, now()).verification());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ResponseEntity<ProblemDetail> notFound(String caseId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case with id " + caseId));
    }
}
