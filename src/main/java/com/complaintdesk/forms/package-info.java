/** Every task completion checked against its Camunda Form's rules and the form's submission rules. */
package com.complaintdesk.forms;
