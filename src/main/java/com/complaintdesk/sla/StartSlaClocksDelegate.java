package com.complaintdesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartSlaClocks (T1–T4): the case's first-response and resolution clocks start from postedAt. */
@Component
public class StartSlaClocksDelegate implements JavaDelegate {

    private final SlaClock clock;

    public StartSlaClocksDelegate(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.start(execution);
    }
}
