package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Var;

import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ComputePeriodReport (A1, A2): the period's report, stored, then the streak rule; when a new streak opens a
 * systemic fix, its evidence goes to the owners' task.
 */
@Component
public class ComputePeriodReportDelegate implements JavaDelegate {

    private final InsightsRuns runs;

    public ComputePeriodReportDelegate(InsightsRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InsightsRuns.PeriodRun run = runs.reportPeriod(
                EngineClock.string(execution, Var.GRANULARITY),
                EngineClock.string(execution, Var.PERIOD_LABEL),
                EngineClock.now(),
                execution.getProcessInstanceId());
        execution.setVariable(Var.PERIOD, run.period());
        execution.setVariable(Var.PERIOD_CASES, run.cases());
        execution.setVariable(Var.TOP_CATEGORY, run.topCategory());
        execution.setVariable(Var.SYSTEMIC_FIX_NEEDED, run.fix() != null);
        if (run.fix() != null) {
            execution.setVariable(Var.SYSTEMIC_FIX_ID, run.fix().fixId());
            execution.setVariable(
                    Var.SYSTEMIC_FIX_CATEGORY, run.fix().evidence().category());
            execution.setVariable(Var.SYSTEMIC_FIX_PERIODS, run.fix().evidence().periodsText());
            execution.setVariable(
                    Var.SYSTEMIC_FIX_EXAMPLES, run.fix().evidence().examplesText());
        }
    }
}
