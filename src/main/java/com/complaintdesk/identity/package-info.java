/**
 * Users, groups, authorizations, Tasklist filters, HTTP Basic, login throttling: who may sign in and what each
 * role may do.
 */
package com.complaintdesk.identity;
