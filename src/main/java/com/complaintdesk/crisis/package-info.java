/** T1 crises (T5, X2–X4): takeover, the pause decision, evidence and the statement. */
package com.complaintdesk.crisis;
