package com.complaintdesk.engine.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** A refused part of a deployment as the engine REST API reports it ({@code details} of a ParseException). */
record DeploymentProblem(String message, String mainElementId) implements Problem {

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
        return mainElementId == null ? List.of() : List.of(mainElementId);
    }
}
