/** Triage (T1–T6): suggested tier and category, the agent's confirmation, re-tiering and viral re-tiering. */
package com.complaintdesk.triage;
