/**
 * Extortion-reviewer defence (E1–E6): the risk assessment at triage and before compensation, the guarded path and
 * the report to the platform.
 */
package com.complaintdesk.abuse;
