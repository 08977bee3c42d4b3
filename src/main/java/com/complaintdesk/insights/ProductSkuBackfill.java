package com.complaintdesk.insights;

import com.complaintdesk.common.PayloadColumnBackfill;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 15.1: fills {@code cd_complaint.product_sku} (added by V15) for the cases received before it,
 * from the product in the complaint as it was received, so the product feedback digest (A3) counts old cases per
 * SKU too.
 */
@Component
class ProductSkuBackfill extends PayloadColumnBackfill {

    ProductSkuBackfill() {
        super("15.1", "product feedback digest skus", "product_sku", "product", "sku");
    }
}
