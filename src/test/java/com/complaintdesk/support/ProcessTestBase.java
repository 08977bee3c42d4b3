package com.complaintdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process test: the processes, their decisions and forms deployed together as the application deploys them,
 * every delegate registered ({@link LifecycleFixture}), and the engine's clock set to ten minutes after the post.
 */
@Deployment(
        resources = {
            "processes/complaint-lifecycle.bpmn",
            "processes/complaint-crisis.bpmn",
            "processes/delivery-failure.bpmn",
            "processes/complaint-insights.bpmn",
            "processes/product-feedback-digest.bpmn",
            "processes/decisions/triage.dmn",
            "processes/decisions/sla-policy.dmn",
            "processes/decisions/red-lines.dmn",
            "processes/decisions/reply-templates.dmn",
            "processes/decisions/compensation-options.dmn",
            "processes/decisions/review-request.dmn",
            "processes/decisions/extortion-risk.dmn",
            "forms/confirm-triage.form",
            "forms/sla-breach.form",
            "forms/draft-reply.form",
            "forms/approve-reply.form",
            "forms/prepare-follow-up.form",
            "forms/contact-customer.form",
            "forms/offer-compensation.form",
            "forms/record-customer-choice.form",
            "forms/approve-compensation.form",
            "forms/confirm-resolution.form",
            "forms/record-review-outcome.form",
            "forms/close-case.form",
            "forms/hold-retrospective.form",
            "forms/take-over-crisis.form",
            "forms/decide-on-pause.form",
            "forms/draft-statement.form",
            "forms/approve-statement.form",
            "forms/handle-failed-delivery.form",
            "forms/review-extortion-risk.form",
            "forms/decide-systemic-fix.form",
            "forms/review-product-digest.form"
        })
public abstract class ProcessTestBase {

    /** One per test: the engine itself is built once per JVM and shared. */
    @RegisterExtension
    protected final ProcessEngineExtension engine = ProcessTestEngine.extension();

    /** When the customer posted; 08:00 UTC is 09:00 in Berlin. */
    protected static final Instant POSTED_AT = Instant.parse("2025-03-01T08:00:00Z");
    /** The case reached us ten minutes later. */
    protected static final Instant NOW = POSTED_AT.plus(Duration.ofMinutes(10));

    protected ProcessEngine processEngine;
    protected LifecycleFixture fixture;

    @BeforeEach
    void startEngineClockAndDelegates() {
        processEngine = engine.getProcessEngine();
        AbstractAssertions.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        fixture = new LifecycleFixture(processEngine);
    }

    @AfterEach
    void resetEngineClockAndDelegates() {
        ClockUtil.reset();
        Mocks.reset();
    }
}
