/**
 * SLA clocks (T1–T4, T6): deadlines from the customer's post and the sla-policy decision, every clock event
 * recorded, escalations.
 */
package com.complaintdesk.sla;
