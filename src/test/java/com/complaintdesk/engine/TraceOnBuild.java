package com.complaintdesk.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A harmless class on the class path that leaves a trace when an object of it is built: what a sender would name
 * in a variable's {@code objectTypeName} to make the server build an object of their choice (a data source whose
 * URL runs a command, in the attack this stands for).
 */
public class TraceOnBuild {

    public static final AtomicInteger BUILT = new AtomicInteger();

    private String payload;

    public TraceOnBuild() {
        BUILT.incrementAndGet();
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        BUILT.incrementAndGet();
        this.payload = payload;
    }
}
