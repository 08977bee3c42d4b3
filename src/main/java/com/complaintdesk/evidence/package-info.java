/** Append-only, hash-chained evidence per case (X4, E6), its verification and retention. */
package com.complaintdesk.evidence;
