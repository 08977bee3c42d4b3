package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * T4: how one tier kept one clock in a period.
 *
 * @param clock             {@code first_response} or {@code resolution}
 * @param ran               cases whose clock was started (or restarted, T6)
 * @param breached          of those, cases whose clock was breached at least once
 * @param compliancePercent {@code (ran - breached) / ran} in percent, one decimal, rounded half up; null when none ran
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlaCompliance(String tier, String clock, long ran, long breached, BigDecimal compliancePercent) {}
