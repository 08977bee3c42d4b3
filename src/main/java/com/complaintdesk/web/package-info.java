/** The shape of the API's answers: a 400 problem with one entry per field, a 5xx with a reference only. */
package com.complaintdesk.web;
