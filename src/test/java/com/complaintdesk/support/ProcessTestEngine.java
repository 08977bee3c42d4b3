package com.complaintdesk.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine of the process and decision tests ({@code process-test.camunda.cfg.xml}), without Spring. */
public final class ProcessTestEngine {

    private ProcessTestEngine() {}

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder()
                .configurationResource("process-test.camunda.cfg.xml")
                .build();
    }
}
