/** The private follow-up (F1–F7): the customer's good local hour and the follow-up message. */
package com.complaintdesk.followup;
