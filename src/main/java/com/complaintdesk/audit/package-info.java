/** The auditors' read-only view: case search, exports, the case file and its timeline (X4, A4). */
package com.complaintdesk.audit;
