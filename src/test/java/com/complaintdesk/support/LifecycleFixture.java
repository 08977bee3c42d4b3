package com.complaintdesk.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.complaintdesk.abuse.AbuseSettings;
import com.complaintdesk.abuse.ApplyExtortionReviewDelegate;
import com.complaintdesk.abuse.AssessExtortionRiskDelegate;
import com.complaintdesk.abuse.ExtortionAssessments;
import com.complaintdesk.abuse.ExtortionGuard;
import com.complaintdesk.abuse.ExtortionGuardRule;
import com.complaintdesk.abuse.PreserveExtortionEvidenceDelegate;
import com.complaintdesk.abuse.ReportToPlatformDelegate;
import com.complaintdesk.approval.ApprovalRule;
import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.closure.RecordClosureDelegate;
import com.complaintdesk.closure.RecordResolutionDelegate;
import com.complaintdesk.closure.RecordRetrospectiveDelegate;
import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.compensation.ChoiceLinkSettings;
import com.complaintdesk.compensation.ChoiceLinks;
import com.complaintdesk.compensation.CompensationApproval;
import com.complaintdesk.compensation.CompensationOffers;
import com.complaintdesk.compensation.CompensationRules;
import com.complaintdesk.compensation.ExecuteCompensationDelegate;
import com.complaintdesk.compensation.SendChoiceReminderDelegate;
import com.complaintdesk.compensation.SendCompensationOfferDelegate;
import com.complaintdesk.crisis.CrisisDeclaration;
import com.complaintdesk.crisis.DeclareCrisisDelegate;
import com.complaintdesk.crisis.EscalateToCrisisListener;
import com.complaintdesk.crisis.PauseListingDelegate;
import com.complaintdesk.crisis.PreserveEvidenceDelegate;
import com.complaintdesk.crisis.PublishStatementDelegate;
import com.complaintdesk.evidence.CaseSnapshots;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.followup.PlanContactTimeDelegate;
import com.complaintdesk.followup.SendFollowUpMessageDelegate;
import com.complaintdesk.forms.SubmissionRules;
import com.complaintdesk.forms.SubmissionRulesListener;
import com.complaintdesk.intake.CaseFacts;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.lifecycle.LifecycleSettings;
import com.complaintdesk.reply.CheckRedLinesDelegate;
import com.complaintdesk.reply.PublishReplyDelegate;
import com.complaintdesk.reply.TemplateBlanks;
import com.complaintdesk.reply.TemplateBlanksRule;
import com.complaintdesk.review.PlanReviewRequestDelegate;
import com.complaintdesk.review.ReviewUpdatePolicy;
import com.complaintdesk.review.SendReviewUpdateRequestDelegate;
import com.complaintdesk.sla.SlaClock;
import com.complaintdesk.sla.SlaClockEvents;
import com.complaintdesk.sla.SlaDeadlines;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.sla.StartSlaClocksDelegate;
import com.complaintdesk.triage.ApplyConfirmedTriageDelegate;
import com.complaintdesk.triage.ApplyRetierDelegate;
import com.complaintdesk.triage.CaseTriage;
import com.complaintdesk.triage.ClassifyComplaintTextDelegate;
import com.complaintdesk.triage.ValidateConfirmedTriageListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;

/**
 * Registers every delegate and listener of the complaint processes, built as the application builds them, on the
 * process tests' engine; the application's stores are replaced by recording doubles so tests see what was sent
 * through the channel port and which clock events were recorded.
 */
public final class LifecycleFixture {

    /** What went through the channel port, in order. */
    public final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    /** What an agent recorded as delivered by hand after delivery failed, in order. */
    public final List<OutboundMessage> manual = new CopyOnWriteArrayList<>();
    /** The clock events recorded, in order. */
    public final List<SlaEvent> clockEvents = new CopyOnWriteArrayList<>();

    public final CaseRecords cases = mock(CaseRecords.class);
    public final Retrospectives retrospectives = mock(Retrospectives.class);
    public final EvidenceStore evidence = mock(EvidenceStore.class);
    public final LifecycleSettings settings = new LifecycleSettings();
    /** The extortion assessments' store; the customer's history in the shop is none unless a test says otherwise. */
    public final ExtortionAssessments assessments = mock(ExtortionAssessments.class);

    public final AbuseSettings abuseSettings = new AbuseSettings(60);
    /** C2: signs the choice links in offers, with a fixed test key. */
    public final ChoiceLinks choiceLinks = new ChoiceLinks(new ChoiceLinkSettings(
            "process-test-secret-0123456789abcdef", "https://desk.example.com", java.time.Duration.ofDays(7)));
    /**
     * The server's own records the gateways read (#15), kept in memory: the tier each case's record holds (from
     * {@code recordTriage}/{@code recordTier}), the supervisors' extortion reviews, and the offers as sent. The case's
     * intake facts are the variables as the case started, so a variable changed later does not change them.
     */
    public final Map<String, String> recordedTiers = new ConcurrentHashMap<>();

    public final Map<String, String> recordedCategories = new ConcurrentHashMap<>();
    public final Map<String, String> extortionReviews = new ConcurrentHashMap<>();
    public final Map<String, CompensationOffers.Offer> offers = new ConcurrentHashMap<>();
    public final CaseFacts caseFacts = mock(CaseFacts.class);
    public final CompensationOffers compensationOffers = mock(CompensationOffers.class);

    /** The outbox double; a test can make the platform fail with {@code when(fixture.outbox.send(any(), any())).thenThrow(…)}. */
    public final Outbox outbox;

    @SuppressWarnings("unchecked")
    public LifecycleFixture(ProcessEngine engine) {
        outbox = mock(Outbox.class);
        when(outbox.send(any(), any())).thenAnswer(call -> {
            OutboundMessage message = call.getArgument(0);
            sent.add(message);
            return new Delivery(UUID.randomUUID().toString(), "test-" + sent.size(), "delivered", EngineClock.now());
        });
        when(outbox.recordManual(any(), any(), Mockito.anyString())).thenAnswer(call -> {
            OutboundMessage message = call.getArgument(0);
            manual.add(message);
            return new Delivery(
                    UUID.randomUUID().toString(), "manual:" + call.getArgument(2), "manual", EngineClock.now());
        });
        Deliveries deliveries = new Deliveries(outbox);
        SlaEvents events = mock(SlaEvents.class);
        Mockito.doAnswer(call -> clockEvents.add(call.getArgument(0)))
                .when(events)
                .record(any());
        ComplaintIntake intake = mock(ComplaintIntake.class);
        when(intake.find(Mockito.anyString())).thenReturn(Optional.empty());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

        OrderSnapshots orderSnapshots = new OrderSnapshots(evidence, json);
        CaseSnapshots snapshots = new CaseSnapshots(evidence, outbox, json);
        Mockito.when(events.lastStart(any(), any())).thenAnswer(call -> clockEvents.stream()
                .filter(e -> call.getArgument(0).equals(e.processInstanceId())
                        && call.getArgument(1).equals(e.clock())
                        && List.of(SlaEvent.STARTED, SlaEvent.RESTARTED).contains(e.event()))
                .reduce((first, second) -> second));
        Mockito.doAnswer(call -> {
                    recordedTiers.put(call.getArgument(0), call.getArgument(1));
                    recordedCategories.put(call.getArgument(0), call.getArgument(2));
                    return null;
                })
                .when(cases)
                .recordTriage(any(), any(), any());
        Mockito.doAnswer(call -> recordedTiers.put(call.getArgument(0), call.getArgument(1)))
                .when(cases)
                .recordTier(any(), any());
        Mockito.doAnswer(call -> extortionReviews.put(call.getArgument(0), call.getArgument(1)))
                .when(assessments)
                .recordReview(any(), any(), Mockito.anyBoolean(), any(), any(), any());
        when(assessments.reviewDecision(any()))
                .thenAnswer(call -> Optional.ofNullable(extortionReviews.get(call.getArgument(0))));
        Mockito.doCallRealMethod().when(compensationOffers).recordOffer(any());
        Mockito.doAnswer(call -> {
                    List<CompensationOffers.OfferedOption> options = ((List<CompensationOffers.OfferedOption>)
                                    call.getArgument(3))
                            .stream().filter(java.util.Objects::nonNull).toList();
                    offers.put(call.getArgument(0), new CompensationOffers.Offer(call.getArgument(2), options));
                    return null;
                })
                .when(compensationOffers)
                .record(any(), any(), any(), any(), any());
        when(compensationOffers.current(any()))
                .thenAnswer(call -> Optional.ofNullable(offers.get(call.getArgument(0))));
        when(caseFacts.forProcessInstance(any())).thenAnswer(call -> facts(engine, call.getArgument(0)));
        SlaClock clock = new SlaClock(engine.getDecisionService(), events);
        SlaDeadlines deadlines = new SlaDeadlines(events, clock);
        ExtortionGuard guard = new ExtortionGuard(assessments, caseFacts);
        Mocks.register("slaDeadlines", deadlines);
        Mocks.register("extortionGuard", guard);
        Mocks.register("caseTriage", new CaseTriage(caseFacts));
        Mocks.register("compensationOffers", compensationOffers);
        Mocks.register("compensationApproval", new CompensationApproval(caseFacts, guard, compensationOffers));
        Mocks.register("reviewUpdatePolicy", new ReviewUpdatePolicy(caseFacts, guard));
        CrisisDeclaration declaration = new CrisisDeclaration();
        Mocks.register("lifecycleSettings", settings);
        Mocks.register("choiceLinks", choiceLinks);
        when(assessments.history(any(), any(), any())).thenReturn(new ExtortionAssessments.History(0, 0));
        Mocks.register("assessExtortionRiskDelegate", new AssessExtortionRiskDelegate(assessments, abuseSettings));
        Mocks.register(
                "preserveExtortionEvidenceDelegate",
                new PreserveExtortionEvidenceDelegate(snapshots, evidence, orderSnapshots));
        Mocks.register("applyExtortionReviewDelegate", new ApplyExtortionReviewDelegate(assessments));
        Mocks.register("reportToPlatformDelegate", new ReportToPlatformDelegate(deliveries));
        Mocks.register("classifyComplaintTextDelegate", new ClassifyComplaintTextDelegate());
        Mocks.register("startSlaClocksDelegate", new StartSlaClocksDelegate(clock));
        Mocks.register("slaClockEvents", new SlaClockEvents(clock, deadlines));
        Mocks.register("validateConfirmedTriageListener", new ValidateConfirmedTriageListener());
        Mocks.register("applyConfirmedTriageDelegate", new ApplyConfirmedTriageDelegate(clock, cases, orderSnapshots));
        Mocks.register("applyRetierDelegate", new ApplyRetierDelegate(clock, cases));
        Mocks.register("declareCrisisDelegate", new DeclareCrisisDelegate(declaration));
        Mocks.register("escalateToCrisisListener", new EscalateToCrisisListener(clock, declaration, cases));
        Mocks.register("checkRedLinesDelegate", new CheckRedLinesDelegate());
        Mocks.register("publishReplyDelegate", new PublishReplyDelegate(deliveries, cases));
        Mocks.register(
                "submissionRulesListener",
                new SubmissionRulesListener(new SubmissionRules(List.of(
                        new ApprovalRule(),
                        new CompensationRules(),
                        new TemplateBlanksRule(),
                        new com.complaintdesk.crisis.StatementBlanksRule(),
                        new ExtortionGuardRule()))));
        Mocks.register("templateBlanks", new TemplateBlanks());
        Mocks.register("planContactTimeDelegate", new PlanContactTimeDelegate(settings));
        Mocks.register("sendFollowUpMessageDelegate", new SendFollowUpMessageDelegate(deliveries));
        Mocks.register("sendCompensationOfferDelegate", new SendCompensationOfferDelegate(deliveries, choiceLinks));
        Mocks.register("sendChoiceReminderDelegate", new SendChoiceReminderDelegate(deliveries, choiceLinks));
        Mocks.register("executeCompensationDelegate", new ExecuteCompensationDelegate(deliveries, cases));
        Mocks.register("planReviewRequestDelegate", new PlanReviewRequestDelegate(settings));
        Mocks.register("sendReviewUpdateRequestDelegate", new SendReviewUpdateRequestDelegate(deliveries));
        Mocks.register("recordResolutionDelegate", new RecordResolutionDelegate(cases));
        Mocks.register("recordClosureDelegate", new RecordClosureDelegate(cases, orderSnapshots));
        Mocks.register("recordRetrospectiveDelegate", new RecordRetrospectiveDelegate(retrospectives));
        Mocks.register("pauseListingDelegate", new PauseListingDelegate(deliveries));
        Mocks.register(
                "preserveEvidenceDelegate", new PreserveEvidenceDelegate(snapshots, evidence, intake, orderSnapshots));
        Mocks.register("publishStatementDelegate", new PublishStatementDelegate(deliveries));
        Mocks.register(
                "applyDeliveryDecisionDelegate",
                new com.complaintdesk.channel.failure.ApplyDeliveryDecisionDelegate(outbox));
    }

    /**
     * The case record of a process instance as the application would hold it: the intake facts are the variables'
     * first values (as intake started the case), the tier and category those last recorded.
     */
    private Optional<CaseFacts.Facts> facts(ProcessEngine engine, String processInstanceId) {
        Map<String, Object> started = new java.util.HashMap<>();
        for (HistoricDetail detail : engine.getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(processInstanceId)
                .variableUpdates()
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            if (update.getRevision() == 0 && !started.containsKey(update.getVariableName())) {
                started.put(update.getVariableName(), update.getValue());
            }
        }
        if (!(started.get(com.complaintdesk.lifecycle.ComplaintLifecycle.Var.CASE_ID) instanceof String caseId)) {
            return Optional.empty();
        }
        return Optional.of(new CaseFacts.Facts(
                caseId,
                (String) started.get("channel"),
                recordedTiers.get(caseId),
                recordedCategories.get(caseId),
                number(started.get("orderValue")),
                number(started.get("productPrice")),
                started.get("customerLifetimeOrders") instanceof Integer i ? i : null));
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** The kinds of what was sent, in order, e.g. [REPLY, PRIVATE_MESSAGE]. */
    public List<String> sentKinds() {
        return sent.stream().map(m -> m.kind().name()).toList();
    }

    /** "clock:event" of each recorded clock event, in order. */
    public List<String> clockEventNames() {
        return clockEvents.stream().map(e -> e.clock() + ":" + e.event()).toList();
    }
}
