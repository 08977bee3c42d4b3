package com.complaintdesk.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Runs engine calls as the engine itself (no authorization checks) and puts back whoever was authenticated. */
@Component
public class EngineRunner {

    private final IdentityService identity;

    EngineRunner(IdentityService identity) {
        this.identity = identity;
    }

    /** Runs work with no authenticated user: for reads the application needs whatever the caller may see. */
    public <T> T asEngine(Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            }
        }
    }

    /** The group ids of a user, whatever the current user may read. */
    public List<String> groupsOf(String userId) {
        return asEngine(() -> identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
    }
}
