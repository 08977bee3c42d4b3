/** The one review update request and its outcome (R1–R5). */
package com.complaintdesk.review;
