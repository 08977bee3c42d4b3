package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * C4: compensation of one type given in a period, in one currency (the order's; null where none was recorded).
 *
 * @param total the sum of the amounts; cases without an amount (a gift, a coupon) add nothing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompensationTotal(String type, String currency, long cases, BigDecimal total) {}
