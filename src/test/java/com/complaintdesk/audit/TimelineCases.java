package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.support.GeneralSuggestionCase;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whole cases for the timeline's tests, worked through the running application as people do in Tasklist (the same
 * steps as the T3 Instagram case of {@code CaseLifecycleAppTest}).
 */
final class TimelineCases {

    static final String ANA = "ana";
    static final String SAM = "sam";
    static final String TRIAGE_COMMENT = "Customer posted a photo of her desk; idea worth passing on.";
    static final String REPLY_APOLOGY = GeneralSuggestionCase.REPLY_APOLOGY;

    private TimelineCases() {}

    /**
     * T3, P1–P6, F1–F7, R2, R4: an improvement idea under an Instagram post, worked by ana from triage to closure; sam, a
     * supervisor, leaves a comment on the triage task before ana confirms it. Returns once the case's process has ended.
     */
    static Opened generalSuggestionOnInstagram(Tasklist tasklist) {
        Opened c = tasklist.open(ANA, GeneralSuggestionCase.complaint());

        String triage = tasklist.awaitTask(ANA, c.processInstanceId(), Activity.CONFIRM_TRIAGE);
        tasklist.claim(ANA, triage);
        ResponseEntity<JsonNode> comment = tasklist.post(
                SAM, tasklist.engine("/task/" + triage + "/comment/create"), Map.of("message", TRIAGE_COMMENT));
        assertThat(comment.getStatusCode())
                .as(String.valueOf(comment.getBody()))
                .isEqualTo(HttpStatus.OK);
        List<GeneralSuggestionCase.Step> steps = GeneralSuggestionCase.steps();
        tasklist.work(
                ANA,
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                steps.get(0).values(),
                triage);
        for (GeneralSuggestionCase.Step step : steps.subList(1, steps.size())) {
            tasklist.work(ANA, c.processInstanceId(), step.taskKey(), step.values());
        }
        return c;
    }

    /** Waits until the engine's history says the process instance ended. */
    static void awaitEnded(Tasklist tasklist, org.camunda.bpm.engine.HistoryService history, String processInstanceId) {
        tasklist.poll(
                () -> {
                    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                            .processInstanceId(processInstanceId)
                            .singleResult();
                    return instance != null && instance.getEndTime() != null ? instance : null;
                },
                () -> processInstanceId + " has not ended");
    }
}
