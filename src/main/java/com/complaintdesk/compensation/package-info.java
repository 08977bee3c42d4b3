/**
 * Compensation (C1–C4): the options, the offer, the customer's choice page, approval and execution of the chosen
 * remedy.
 */
package com.complaintdesk.compensation;
