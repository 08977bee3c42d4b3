/** The public reply (P1–P6, X3): templates, the red-line check and publishing. */
package com.complaintdesk.reply;
