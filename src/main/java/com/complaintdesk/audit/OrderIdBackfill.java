package com.complaintdesk.audit;

import com.complaintdesk.common.PayloadColumnBackfill;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 10.1: fills {@code cd_complaint.order_id} (added by V10) for the cases received before it, from
 * the order in the complaint as it was received, so a search by order finds old cases too.
 */
@Component
class OrderIdBackfill extends PayloadColumnBackfill {

    OrderIdBackfill() {
        super("10.1", "audit search order ids", "order_id", "order", "id");
    }

    /** The order id of a stored complaint ({@code ComplaintRequest} as JSON), or null when it names no order. */
    String orderId(String payload) {
        return value(payload);
    }
}
