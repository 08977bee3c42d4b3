package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.lifecycle.EngineClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * C2 (#15): each offer as it was sent, in {@code cd_compensation_offer}: recorded when the agent submits the offer
 * (the flow to Task_SendCompensationOffer, in the same transaction as the submission), and read by the approval
 * gateway, so the customer's choice is checked against what was offered and not against variables changed later.
 */
@Repository
public class CompensationOffers {

    /** One option of an offer: its key and the cost the agent put on it (null when none). */
    public record OfferedOption(String option, BigDecimal amount) {}

    /** The offer: its id and its two or three options. */
    public record Offer(String offerId, List<OfferedOption> options) {

        public Optional<OfferedOption> option(String key) {
            return options.stream().filter(o -> o.option().equals(key)).findFirst();
        }
    }

    private static final List<String> OPTIONS =
            List.of(Var.COMPENSATION_OPTION_1, Var.COMPENSATION_OPTION_2, Var.COMPENSATION_OPTION_3);
    private static final List<String> AMOUNTS =
            List.of(Var.COMPENSATION_AMOUNT_1, Var.COMPENSATION_AMOUNT_2, Var.COMPENSATION_AMOUNT_3);

    private final JdbcClient jdbc;

    CompensationOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the offer the agent just submitted (its options and costs, under the id {@code choiceLinks.newOffer}
     * gave it); earlier offers of the case are superseded.
     */
    @ProcessExpression(
            "C2: records the offer being sent (options and costs) as the one the customer's choice is checked against")
    public void recordOffer(DelegateExecution execution) {
        List<OfferedOption> options = new ArrayList<>();
        for (int i = 0; i < OPTIONS.size(); i++) {
            Object key = execution.getVariable(OPTIONS.get(i));
            Object amount = execution.getVariable(AMOUNTS.get(i));
            options.add(
                    key instanceof String k && !k.isBlank()
                            ? new OfferedOption(
                                    k, amount instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : null)
                            : null);
        }
        String offerId = EngineClock.string(execution, Var.CHOICE_OFFER_ID);
        if (offerId == null) {
            throw new IllegalStateException("The offer has no id: choiceLinks.newOffer must run before recordOffer");
        }
        record(
                execution.getProcessInstanceId(),
                EngineClock.string(execution, Var.CASE_ID),
                offerId,
                options,
                EngineClock.actor(execution));
    }

    /** Stores an offer; earlier offers of the process instance are superseded. */
    public void record(
            String processInstanceId, String caseId, String offerId, List<OfferedOption> options, String by) {
        jdbc.sql("UPDATE cd_compensation_offer SET superseded = TRUE WHERE process_instance_id = :pid")
                .param("pid", processInstanceId)
                .update();
        jdbc.sql(
                        """
                INSERT INTO cd_compensation_offer (offer_id, case_id, process_instance_id, option1, amount1, option2,
                                                   amount2, option3, amount3, offered_at, offered_by)
                VALUES (:offerId, :caseId, :pid, :option1, :amount1, :option2, :amount2, :option3, :amount3, :at, :by)
                """)
                .param("offerId", offerId)
                .param("caseId", caseId)
                .param("pid", processInstanceId)
                .param("option1", key(options, 0))
                .param("amount1", amount(options, 0))
                .param("option2", key(options, 1))
                .param("amount2", amount(options, 1))
                .param("option3", key(options, 2))
                .param("amount3", amount(options, 2))
                .param("at", EngineClock.now())
                .param("by", by)
                .update();
    }

    /** The offer the process instance sent last; empty when it sent none. */
    public Optional<Offer> current(String processInstanceId) {
        return jdbc
                .sql(
                        """
                SELECT offer_id, option1, amount1, option2, amount2, option3, amount3 FROM cd_compensation_offer
                 WHERE process_instance_id = :pid AND superseded = FALSE
                """)
                .param("pid", processInstanceId)
                .query((rs, n) -> {
                    List<OfferedOption> options = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        String key = rs.getString("option" + i);
                        if (key != null) {
                            options.add(new OfferedOption(key, rs.getBigDecimal("amount" + i)));
                        }
                    }
                    return new Offer(rs.getString("offer_id"), List.copyOf(options));
                })
                .list()
                .stream()
                .findFirst();
    }

    private static String key(List<OfferedOption> options, int i) {
        return options.get(i) == null ? null : options.get(i).option();
    }

    private static BigDecimal amount(List<OfferedOption> options, int i) {
        return options.get(i) == null ? null : options.get(i).amount();
    }
}
