/**
 * The complaint lifecycle process: its names, what the application tells it, its settings and the one deployment
 * of processes/ and forms/.
 */
package com.complaintdesk.lifecycle;
