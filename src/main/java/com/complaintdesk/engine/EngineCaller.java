package com.complaintdesk.engine;

import java.util.List;

/**
 * Who sends a request to the engine API: a user and their Camunda groups, read once per request from the HTTP Basic
 * credentials ({@code /engine-rest}) or the webapps' session ({@code /camunda/api/engine}).
 */
public record EngineCaller(String userId, List<String> groups) {

    public EngineCaller {
        groups = List.copyOf(groups);
    }

    public boolean isAdministrator() {
        return groups.contains(EndpointPolicy.ADMINISTRATORS);
    }
}
