package com.complaintdesk.identity;

import java.util.List;

/** The groups of the people table in the playbook, as Camunda group ids. */
public final class Roles {

    public static final String AGENTS = "agents";
    public static final String SUPERVISORS = "supervisors";
    public static final String LEGAL = "legal";
    public static final String OWNERS = "owners";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";
    /** A3: the product and design team, who read the complaint analytics and receive the product feedback digest. */
    public static final String PRODUCT = "product";
    /** Camunda's administrators group; always keeps at least one direct member. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /**
     * Not a people's group: the technical users {@code channel:<name>} of platforms that deliver complaints and
     * their outcomes themselves (webhooks) act with it besides the agents' rights (see {@link EngineAuthentication}).
     */
    public static final String CHANNELS = "channels";

    public static final List<String> ALL =
            List.of(AGENTS, SUPERVISORS, LEGAL, OWNERS, PROCESS_OWNERS, AUDITORS, PRODUCT, CAMUNDA_ADMIN);

    private Roles() {}
}
