package com.complaintdesk.triage;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.intake.CaseSummary;
import com.complaintdesk.intake.ComplaintCase;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Tier;
import com.complaintdesk.lifecycle.ComplaintLifecycleProcess;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T6: a post's share and comment counts, reported by a channel (webhook, poll) or through the API, are kept per
 * case, and the {@code viral-thresholds} decision says whether the growth re-tiers the case; a higher tier is
 * correlated into the open case's lifecycle, which moves its deadlines and, at T1, declares the crisis (issue #4).
 *
 * <p>Deliveries may come late, twice or out of order: an observation not newer than the last one changes nothing,
 * and a count that went down keeps its peak, so a newer observation where nothing grew changes nothing either.
 * A closed case keeps its latest counts but is never re-tiered. The decision and the re-tier are the
 * application's own consequence of the counts, not the caller's choice of a tier, so they run without the
 * caller's authorizations (as {@link com.complaintdesk.lifecycle.Decisions} does); the caller stays the
 * authenticated user, so the re-tier and the crisis are recorded as theirs.
 */
@Service
public class EngagementUpdates {

    /** How far in the future an observation may lie, to tolerate clock skew between a platform and us (as at intake). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How often an update is tried when a concurrent one for the same case got in first. */
    static final int ATTEMPTS = 5;

    // the inputs and outputs of the viral-thresholds decision
    static final String CURRENT_TIER = "currentTier";
    static final String SHARES_PER_HOUR = "sharesPerHour";
    static final String COMMENTS_PER_HOUR = "commentsPerHour";
    static final String TOTAL_SHARES = "totalShares";
    static final String TOTAL_COMMENTS = "totalComments";
    static final String NEW_TIER = "newTier";
    static final String REASON = "reason";

    private final ComplaintIntake intake;
    private final CaseRecords cases;
    private final EngagementRecords engagements;
    private final ComplaintLifecycleProcess lifecycle;
    private final RuntimeService runtime;
    private final DecisionService decisions;
    private final CommandExecutor engineCommands;
    private final TransactionTemplate transactions;
    private final TriageSettings settings;
    private final Clock clock;

    EngagementUpdates(
            ComplaintIntake intake,
            CaseRecords cases,
            EngagementRecords engagements,
            ComplaintLifecycleProcess lifecycle,
            ProcessEngine engine,
            PlatformTransactionManager transactionManager,
            TriageSettings settings) {
        this.intake = intake;
        this.cases = cases;
        this.engagements = engagements;
        this.lifecycle = lifecycle;
        this.runtime = engine.getRuntimeService();
        this.decisions = engine.getDecisionService();
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /**
     * What an update did: the case's tier afterwards, whether this update re-tiered it and why (the decision's
     * reason, English / Chinese; null when it did not).
     */
    public record Outcome(String caseId, String tier, boolean retiered, String reason) {}

    /** There is no case with this id. */
    public static class UnknownCaseException extends RuntimeException {
        public UnknownCaseException(String caseId) {
            super("No case with id " + caseId);
        }
    }

    /**
     * Records the counts a channel observed at {@code observedAt} and re-tiers the open case when the
     * {@code viral-thresholds} decision raises its tier.
     *
     * @throws UnknownCaseException when there is no such case
     * @throws InvalidRequestException when {@code observedAt} is missing, in the future, or before the post
     */
    public Outcome update(String caseId, Engagement counts, OffsetDateTime observedAt) {
        ComplaintCase complaint = intake.find(caseId).orElseThrow(() -> new UnknownCaseException(caseId));
        validate(complaint, counts, observedAt);
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> apply(complaint, counts, observedAt));
            } catch (OptimisticLockingException | DataIntegrityViolationException | TransientDataAccessException e) {
                // A concurrent update of the same case (its first row, or its process instance) got in first:
                // look again once it is through.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an engagement update", e);
        }
    }

    private Outcome apply(ComplaintCase complaint, Engagement observed, OffsetDateTime observedAt) {
        Optional<EngagementRecords.Stored> stored = engagements.lock(complaint.caseId());
        if (stored.isPresent()
                && (!observedAt.isAfter(stored.get().observedAt())
                        || !observed.anyAbove(stored.get().counts()))) {
            // out of order, a repeat, or nothing grew
            return unchanged(complaint);
        }
        Engagement highest = stored.map(s -> s.counts().highest(observed)).orElse(observed);
        EngagementWindow.Point windowStart = stored.map(EngagementRecords.Stored::windowStart)
                .orElseGet(() ->
                        new EngagementWindow.Point(0, 0, complaint.postedAt().toInstant()));
        EngagementWindow.Measurement growth = EngagementWindow.measure(
                windowStart,
                new EngagementWindow.Point(highest.shares(), highest.comments(), observedAt.toInstant()),
                settings.engagementWindow());
        EngagementRecords.Stored next = new EngagementRecords.Stored(highest, observedAt, growth.windowStart());
        if (stored.isPresent()) {
            engagements.update(complaint.caseId(), next);
        } else {
            engagements.insert(complaint.caseId(), next);
        }
        return asTheEngine(() -> {
            ProcessInstance instance = runningLifecycle(complaint);
            if (instance == null) {
                return new Outcome(complaint.caseId(), recordedTier(complaint), false, null);
            }
            String tier = (String) runtime.getVariable(instance.getId(), ComplaintLifecycle.Var.TIER);
            DmnDecisionResultEntries verdict = evaluate(tier, growth, highest);
            // an empty output entry (no change) leaves its output out of the result
            String newTier =
                    verdict == null ? null : (String) verdict.getEntryMap().get(NEW_TIER);
            if (!raises(newTier, tier)) {
                return new Outcome(complaint.caseId(), tier, false, null);
            }
            String reason = (String) verdict.getEntryMap().get(REASON);
            try {
                lifecycle.retier(complaint.businessKey(), newTier, reason);
            } catch (MismatchingMessageCorrelationException e) {
                // the case closed in the meantime
                return new Outcome(complaint.caseId(), tier, false, null);
            }
            return new Outcome(complaint.caseId(), newTier, true, reason);
        });
    }

    private Outcome unchanged(ComplaintCase complaint) {
        return asTheEngine(() -> {
            ProcessInstance instance = runningLifecycle(complaint);
            String tier = instance == null
                    ? recordedTier(complaint)
                    : (String) runtime.getVariable(instance.getId(), ComplaintLifecycle.Var.TIER);
            return new Outcome(complaint.caseId(), tier, false, null);
        });
    }

    private DmnDecisionResultEntries evaluate(String tier, EngagementWindow.Measurement growth, Engagement totals) {
        return decisions
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.VIRAL_THRESHOLDS)
                .variables(Variables.createVariables()
                        .putValue(CURRENT_TIER, tier)
                        .putValue(SHARES_PER_HOUR, growth.sharesPerHour())
                        .putValue(COMMENTS_PER_HOUR, growth.commentsPerHour())
                        .putValue(TOTAL_SHARES, totals.shares())
                        .putValue(TOTAL_COMMENTS, totals.comments()))
                .evaluate()
                .getFirstResult();
    }

    /** True when {@code newTier} is a tier above {@code current}; a table edit can never lower a case. */
    static boolean raises(String newTier, String current) {
        if (newTier == null || !Tier.ALL.contains(newTier)) {
            return false;
        }
        int currentRank = Tier.ALL.indexOf(current);
        return currentRank < 0 || Tier.ALL.indexOf(newTier) < currentRank;
    }

    private ProcessInstance runningLifecycle(ComplaintCase complaint) {
        if (complaint.processInstanceId() == null) {
            return null;
        }
        return runtime.createProcessInstanceQuery()
                .processInstanceId(complaint.processInstanceId())
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .singleResult();
    }

    private String recordedTier(ComplaintCase complaint) {
        return cases.summary(complaint.caseId()).map(CaseSummary::tier).orElse(null);
    }

    /** Runs engine work in the current transaction without the caller's authorization checks. */
    private <T> T asTheEngine(Callable<T> work) {
        return engineCommands.execute(commandContext -> commandContext.runWithoutAuthorization(work));
    }

    private void validate(ComplaintCase complaint, Engagement counts, OffsetDateTime observedAt) {
        if (counts == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("engagement", "must not be null")));
        }
        if (observedAt == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("observedAt", "must not be null")));
        }
        if (observedAt.isAfter(OffsetDateTime.now(clock).plus(CLOCK_SKEW))) {
            throw new InvalidRequestException(List.of(new FieldProblem("observedAt", "must not be in the future")));
        }
        if (observedAt.isBefore(complaint.postedAt())) {
            throw new InvalidRequestException(List.of(new FieldProblem(
                    "observedAt", "must not be before the post (postedAt " + complaint.postedAt() + ")")));
        }
    }
}
