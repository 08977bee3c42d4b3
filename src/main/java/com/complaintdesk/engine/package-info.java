/**
 * The boundary to the Camunda engine: the one guard chain in front of its REST API, the deployment check, running
 * as the engine, and the marks of what process owners may call from a diagram.
 */
package com.complaintdesk.engine;
