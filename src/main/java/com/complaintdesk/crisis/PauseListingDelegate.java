package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PauseListing (T1): the owners decided to pause the related listing or campaign; the channel port does it. */
@Component
public class PauseListingDelegate implements JavaDelegate {

    private final Deliveries deliveries;

    public PauseListingDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sku = EngineClock.string(execution, Var.PRODUCT_SKU);
        String title = EngineClock.string(execution, Var.PRODUCT_TITLE);
        deliveries.send(
                execution,
                CaseMessages.of(
                        execution,
                        MessageKind.PAUSE_LISTING,
                        CaseMessages.ACTION,
                        sku,
                        "Pause listing " + (sku == null ? "(no SKU on the case)" : sku)
                                + (title == null ? "" : " — " + title)));
    }
}
