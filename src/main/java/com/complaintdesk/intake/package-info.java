/**
 * A complaint arrives (POST /api/complaints, the CSV import): validated, stored as a case and its lifecycle
 * started in one transaction.
 */
package com.complaintdesk.intake;
