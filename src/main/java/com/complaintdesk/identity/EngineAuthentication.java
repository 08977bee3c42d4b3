package com.complaintdesk.identity;

import com.complaintdesk.engine.EngineRunner;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as a user, so authorization checks apply and the user operation log records who did it.
 * Requests to {@code /api} and {@code /engine-rest} are already authenticated this way by the security filter;
 * use this for work outside a request.
 */
@Component
public class EngineAuthentication {

    private final IdentityService identity;
    private final EngineRunner runner;

    EngineAuthentication(IdentityService identity, EngineRunner runner) {
        this.identity = identity;
        this.runner = runner;
    }

    public <T> T as(String userId, Supplier<T> work) {
        return authenticated(userId, groupsOf(userId), work);
    }

    public void as(String userId, Runnable work) {
        as(userId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work for a platform that delivers complaints itself (a webhook, a poll): as the technical user
     * {@code channel:<name>} with the rights of the agents' intake, plus those of {@link Roles#CHANNELS} to report
     * to an open case what the customer did on the platform (R3), so the user operation log says which platform
     * opened or changed a case.
     */
    public <T> T asChannel(String channel, Supplier<T> work) {
        return authenticated("channel:" + channel, List.of(Roles.AGENTS, Roles.CHANNELS), work);
    }

    /**
     * Runs work for a customer who chose on the choice page with a signed link: as {@code customer:<id>}, a member of
     * only the groups given (the candidate groups of the one task the link completes), so authorization checks still
     * apply and the user operation log names the customer.
     */
    public <T> T asCustomer(String customerId, List<String> groups, Supplier<T> work) {
        return authenticated("customer:" + customerId, List.copyOf(groups), work);
    }

    /** Runs work as this user and these groups, then puts back whoever was authenticated before. */
    private <T> T authenticated(String userId, List<String> groups, Supplier<T> work) {
        return runner.as(userId, groups, work);
    }

    /** The group ids of a user, whatever the current user may read. */
    public List<String> groupsOf(String userId) {
        return runner.groupsOf(userId);
    }
}
