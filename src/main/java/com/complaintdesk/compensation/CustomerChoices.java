package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.identity.EngineAuthentication;
import com.complaintdesk.intake.ComplaintCase;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * C2: what the customer's choice page shows and does. A link shows the options of the offer it was sent with while
 * that offer waits for the choice (Task_RecordCustomerChoice); choosing completes that task as the customer, in one
 * transaction with the link's single use. Whichever comes first, the page or an agent recording a choice made by
 * phone, wins: the other finds the task gone and changes nothing.
 */
@Service
public class CustomerChoices {

    /** What a link finds. */
    public enum Status {
        /** The offer waits for the customer's choice: the options are shown. */
        OPEN,
        /** The customer's choice was just recorded. */
        CHOSEN,
        /** Not a link we signed (malformed or altered). */
        INVALID,
        /** The link is past its expiry. */
        EXPIRED,
        /** The link was used already. */
        USED,
        /** The offer no longer waits for a choice: recorded by the team, replaced by a newer offer, or the case moved on. */
        CLOSED,
        /** The option sent is not one of the offer's. */
        UNKNOWN_OPTION
    }

    /** One option as the page shows it. */
    public record Option(String key, String label) {}

    /** What the page shows. {@code language} is the customer's ({@code zh} or {@code en}); null when the link is not ours. */
    public record View(Status status, String language, String customerName, List<Option> options, String chosen) {}

    private final ChoiceLinks links;
    private final ComplaintIntake cases;
    private final TaskService tasks;
    private final EngineAuthentication engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CustomerChoices(
            ChoiceLinks links,
            ComplaintIntake cases,
            TaskService tasks,
            EngineAuthentication engine,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.links = links;
        this.cases = cases;
        this.tasks = tasks;
        this.engine = engine;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What the link shows now; changes nothing. */
    public View view(String token) {
        return check(token).view;
    }

    /** Records the customer's choice of {@code option} (an offered key or {@code declined}) once, if the link still may. */
    public View choose(String token, String option) {
        Checked checked = check(token);
        if (checked.view.status() != Status.OPEN) {
            return checked.view;
        }
        View open = checked.view;
        if (open.options().stream().noneMatch(o -> o.key().equals(option))) {
            return new View(Status.UNKNOWN_OPTION, open.language(), open.customerName(), open.options(), null);
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql(
                                "INSERT INTO cd_choice_link_use (offer_id, case_id, chosen, used_at) VALUES (:offer, :caseId, :chosen, :at)")
                        .param("offer", checked.token.offerId())
                        .param("caseId", checked.token.caseId())
                        .param("chosen", option)
                        .param(
                                "at",
                                OffsetDateTime.ofInstant(
                                        ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC))
                        .update();
                List<String> groups = tasks.getIdentityLinksForTask(checked.task.getId()).stream()
                        .map(IdentityLink::getGroupId)
                        .filter(Objects::nonNull)
                        .toList();
                engine.asCustomer(checked.complaintCase.customerId(), groups, () -> {
                    tasks.complete(checked.task.getId(), choice(checked.variables, option));
                    return null;
                });
            });
        } catch (DataIntegrityViolationException e) {
            return view(token); // the link was used a moment ago, by another click
        } catch (ProcessEngineException e) {
            // the team recorded a choice a moment ago (task gone or changed under us): nothing of ours was kept
            return new View(Status.CLOSED, open.language(), open.customerName(), List.of(), null);
        }
        return new View(Status.CHOSEN, open.language(), open.customerName(), open.options(), option);
    }

    /** The variables the page's choice completes the task with; the amount is what the agent put on the option. */
    static Map<String, Object> choice(Map<String, Object> variables, String option) {
        Map<String, Object> values = new HashMap<>();
        values.put(Var.CHOSEN_COMPENSATION, option);
        values.put(Var.COMPENSATION_AMOUNT, amount(variables, option));
        values.put(Var.CHOICE_SOURCE, "customer");
        values.put(Var.CHOICE_NOTE, "Chosen by the customer on the choice page / 客户在选择页面上自行选择");
        values.put(Var.ESCALATE_TO_CRISIS, false);
        return values;
    }

    /**
     * What the chosen option costs: the agent's amount for it on the offer; without one, the order's value (what the
     * customer paid; a supervisor approves it above the agent's limit); nothing for {@code declined}; never more
     * than a guarded case's cap (E6).
     */
    static double amount(Map<String, Object> variables, String option) {
        if (CompensationOption.DECLINED.equals(option)) {
            return 0;
        }
        List<String> keys = List.of(Var.COMPENSATION_OPTION_1, Var.COMPENSATION_OPTION_2, Var.COMPENSATION_OPTION_3);
        List<String> amounts = List.of(Var.COMPENSATION_AMOUNT_1, Var.COMPENSATION_AMOUNT_2, Var.COMPENSATION_AMOUNT_3);
        Double amount = null;
        for (int i = 0; i < keys.size(); i++) {
            if (option.equals(variables.get(keys.get(i))) && variables.get(amounts.get(i)) instanceof Number n) {
                amount = n.doubleValue();
            }
        }
        if (amount == null) {
            amount = variables.get(Var.ORDER_VALUE) instanceof Number n
                    ? n.doubleValue()
                    : variables.get(Var.PRODUCT_PRICE) instanceof Number p ? p.doubleValue() : 0.0;
        }
        if (Boolean.TRUE.equals(variables.get(Var.EXTORTION_GUARDED))
                && variables.get(Var.COMPENSATION_CAP) instanceof Number cap) {
            amount = Math.min(amount, cap.doubleValue());
        }
        return amount;
    }

    private record Checked(
            View view,
            ChoiceLinks.ChoiceToken token,
            ComplaintCase complaintCase,
            Task task,
            Map<String, Object> variables) {}

    private Checked check(String token) {
        ChoiceLinks.Reading reading = links.read(token);
        if (!reading.valid()) {
            return new Checked(new View(Status.INVALID, null, null, List.of(), null), null, null, null, null);
        }
        ChoiceLinks.ChoiceToken t = reading.token();
        Optional<ComplaintCase> found = cases.find(t.caseId());
        if (found.isEmpty()) {
            return new Checked(new View(Status.INVALID, null, null, List.of(), null), null, null, null, null);
        }
        ComplaintCase c = found.get();
        String language = c.language() != null
                        && c.language().toLowerCase(java.util.Locale.ROOT).startsWith("zh")
                ? "zh"
                : "en";
        String used = jdbc.sql("SELECT chosen FROM cd_choice_link_use WHERE offer_id = :offer")
                .param("offer", t.offerId())
                .query(String.class)
                .optional()
                .orElse(null);
        if (used != null) {
            return new Checked(new View(Status.USED, language, c.customerName(), List.of(), used), t, c, null, null);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!now.isBefore(t.expiresAt())) {
            return new Checked(new View(Status.EXPIRED, language, c.customerName(), List.of(), null), t, c, null, null);
        }
        Task task = c.processInstanceId() == null
                ? null
                : tasks.createTaskQuery()
                        .processInstanceId(c.processInstanceId())
                        .taskDefinitionKey(ComplaintLifecycle.Activity.RECORD_CUSTOMER_CHOICE)
                        .singleResult();
        Map<String, Object> variables = task == null ? Map.of() : tasks.getVariables(task.getId());
        if (task == null || !t.offerId().equals(variables.get(Var.CHOICE_OFFER_ID))) {
            return new Checked(new View(Status.CLOSED, language, c.customerName(), List.of(), null), t, c, null, null);
        }
        List<Option> options = new ArrayList<>();
        for (Object key : CompensationRules.offered(variables)) {
            CompensationOption.of(key).ifPresent(o -> options.add(new Option(o.key(), o.label(language))));
        }
        options.add(new Option(
                CompensationOption.DECLINED, "zh".equals(language) ? "不需要补偿，谢谢" : "No compensation needed, thank you"));
        return new Checked(new View(Status.OPEN, language, c.customerName(), options, null), t, c, task, variables);
    }
}
