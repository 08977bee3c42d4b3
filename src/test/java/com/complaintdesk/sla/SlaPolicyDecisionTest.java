package com.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sla-policy decision (T1–T3 clocks, X2 first and second escalation), read through {@link SlaClock}. */
@Deployment(resources = "processes/decisions/sla-policy.dmn")
class SlaPolicyDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;

    @Test
    void crisisRespondsWithinAnHourAndEscalatesToOwnersToo() {
        assertThat(policy("T1"))
                .isEqualTo(new SlaPolicy("T1", "PT1H", "PT12H", "supervisors,owners", "PT1H", "owners", "supervisors"));
    }

    @Test
    void importantRespondsWithinFourHoursAndClosesWithinADay() {
        assertThat(policy("T2"))
                .isEqualTo(new SlaPolicy("T2", "PT4H", "PT24H", "supervisors", "PT4H", "owners", "agents,supervisors"));
    }

    @Test
    void generalRespondsWithinADayAndClosesWithinThreeDays() {
        assertThat(policy("T3"))
                .isEqualTo(new SlaPolicy("T3", "PT24H", "P3D", "supervisors", "PT24H", "owners", "agents,supervisors"));
    }

    @Test
    void aBreachStillUnhandledEscalatesAgainToTheOwnersSoonerTheMoreSevereTheTier() {
        assertThat(DeadlineCalculator.parse(policy("T1").escalateAgainAfter()))
                .isLessThan(DeadlineCalculator.parse(policy("T2").escalateAgainAfter()));
        assertThat(DeadlineCalculator.parse(policy("T2").escalateAgainAfter()))
                .isLessThan(DeadlineCalculator.parse(policy("T3").escalateAgainAfter()));
        for (String tier : new String[] {"T1", "T2", "T3"}) {
            assertThat(policy(tier).secondEscalationGroups()).as(tier).isEqualTo("owners");
        }
    }

    @Test
    void anUnknownTierHasNoPolicy() {
        assertThatThrownBy(() -> policy("T9")).hasMessageContaining("no rule for tier T9");
    }

    @Test
    void everyDurationIsOneTheCalculatorUnderstands() {
        for (String tier : new String[] {"T1", "T2", "T3"}) {
            SlaPolicy p = policy(tier);
            assertThat(DeadlineCalculator.parse(p.firstResponseWithin())).isPositive();
            assertThat(DeadlineCalculator.parse(p.resolutionWithin()))
                    .isGreaterThan(DeadlineCalculator.parse(p.firstResponseWithin()));
            assertThat(DeadlineCalculator.parse(p.escalateAgainAfter())).isPositive();
        }
    }

    @Test
    void theTrialsTimeScaleTurnsHoursIntoMinutes() {
        SlaPolicy trial = new SlaClock(
                        processEngine.getDecisionService(), org.mockito.Mockito.mock(SlaEvents.class), 60)
                .policyFor("T1");
        assertThat(trial)
                .isEqualTo(new SlaPolicy("T1", "PT1M", "PT12M", "supervisors,owners", "PT1M", "owners", "supervisors"));
        assertThat(new SlaClock(processEngine.getDecisionService(), org.mockito.Mockito.mock(SlaEvents.class), 60)
                        .policyFor("T3")
                        .resolutionWithin())
                .isEqualTo("PT1H12M");
    }

    private SlaPolicy policy(String tier) {
        return new SlaClock(processEngine.getDecisionService(), org.mockito.Mockito.mock(SlaEvents.class))
                .policyFor(tier);
    }
}
