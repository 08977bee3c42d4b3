/** Approve or send back (X2, X3, C1): every approval's decision, and a note when a draft is sent back. */
package com.complaintdesk.approval;
