/** Complaint analytics (A1–A5): period reports, the dashboard, streak alerts, the product digest, retrospectives. */
package com.complaintdesk.insights;
