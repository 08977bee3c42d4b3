package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/**
 * The schedules of the insights (A1–A3) as the README documents them, and that they run in the seller's zone: the
 * timer start events' cron cycles, and when each fires next for a seller in Shanghai.
 */
class InsightsSchedulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static String cycle(String file, String processId, String startEventId) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + file));
        Process process = model.getModelElementById(processId);
        assertThat(process.isExecutable()).as(processId + " executable").isTrue();
        StartEvent start = model.getModelElementById(startEventId);
        assertThat(start.getParentElement())
                .as(startEventId + " starts " + processId)
                .isSameAs(process);
        TimerEventDefinition timer =
                (TimerEventDefinition) start.getEventDefinitions().iterator().next();
        return timer.getTimeCycle().getTextContent();
    }

    @Test
    void theWeeklyReportStartsEveryMondayAtSixAndTheMonthlyOnTheFirstAtSix() {
        assertThat(cycle(
                        "complaint-insights.bpmn",
                        ComplaintInsights.WEEKLY_PROCESS_KEY,
                        ComplaintInsights.Activity.WEEKLY_START))
                .isEqualTo("0 0 6 ? * MON");
        assertThat(cycle(
                        "complaint-insights.bpmn",
                        ComplaintInsights.MONTHLY_PROCESS_KEY,
                        ComplaintInsights.Activity.MONTHLY_START))
                .isEqualTo("0 0 6 1 * ?");
    }

    @Test
    void theProductDigestStartsOnTheFirstDayOfEachQuarterAtSeven() {
        assertThat(cycle(
                        "product-feedback-digest.bpmn",
                        ComplaintInsights.DIGEST_PROCESS_KEY,
                        ComplaintInsights.Activity.DIGEST_START))
                .isEqualTo("0 0 7 1 1,4,7,10 ?");
    }

    @Test
    void cronCyclesFireAtTheSellersLocalTime() {
        SellerZoneSchedules.ZonedCycles cycles = new SellerZoneSchedules.ZonedCycles(SHANGHAI);
        // Sunday 2026-11-29 23:00 UTC is already Monday 07:00 in Shanghai: the next Monday 06:00 there is a week on
        Date after = Date.from(Instant.parse("2026-11-29T23:00:00Z"));

        assertThat(cycles.resolveDuedate("0 0 6 ? * MON", after, 0))
                .isEqualTo(Date.from(Instant.parse("2026-12-06T22:00:00Z")));
        assertThat(cycles.resolveDuedate("0 0 6 1 * ?", after, 0))
                .isEqualTo(Date.from(Instant.parse("2026-11-30T22:00:00Z")));
        assertThat(cycles.resolveDuedate("0 0 7 1 1,4,7,10 ?", after, 0))
                .isEqualTo(Date.from(Instant.parse("2026-12-31T23:00:00Z")));
    }

    @Test
    void repeatingIntervalsKeepTheEnginesMeaning() {
        SellerZoneSchedules.ZonedCycles cycles = new SellerZoneSchedules.ZonedCycles(SHANGHAI);

        assertThat(cycles.resolveDuedate(
                        "R3/2026-11-30T10:00:00Z/PT1H", Date.from(Instant.parse("2026-11-30T10:30:00Z")), 0))
                .isEqualTo(Date.from(Instant.parse("2026-11-30T11:00:00Z")));
    }
}
