package com.complaintdesk.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one way the application runs engine calls as someone: as a user and their groups (authorization checks apply,
 * the user operation log names them) or as the engine itself (no checks), putting back whoever was authenticated.
 */
@Component
public class EngineRunner {

    private final IdentityService identity;

    EngineRunner(IdentityService identity) {
        this.identity = identity;
    }

    /** Runs work with no authenticated user: for reads the application needs whatever the caller may see. */
    public <T> T asEngine(Supplier<T> work) {
        return with(null, work);
    }

    /** Runs work as this user and these groups. */
    public <T> T as(String userId, List<String> groups, Supplier<T> work) {
        return with(new Authentication(userId, List.copyOf(groups)), work);
    }

    private <T> T with(Authentication next, Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        if (next == null) {
            identity.clearAuthentication();
        } else {
            identity.setAuthentication(next);
        }
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
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
