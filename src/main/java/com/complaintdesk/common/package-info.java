/** Helpers the modules share: CSV, plain text, hashes, timestamps, UTF-8. */
package com.complaintdesk.common;
