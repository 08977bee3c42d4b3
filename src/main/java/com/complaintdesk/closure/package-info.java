/** Resolution and closure records, and the retrospectives of T1/T2 cases (A1, A4). */
package com.complaintdesk.closure;
