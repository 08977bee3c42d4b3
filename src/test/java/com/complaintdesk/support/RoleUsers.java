package com.complaintdesk.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * One user per role for the role matrices: the demo users, a member of the product team ({@code pia}) and a user in
 * no group at all ({@code nobody}), all with the test password.
 */
public final class RoleUsers {

    public static final String AGENT = "ana",
            SUPERVISOR = "sam",
            LEGAL = "lena",
            OWNER = "olga",
            PROCESS_OWNER = "pete",
            AUDITOR = "audrey",
            PRODUCT = "pia",
            NOBODY = "nobody",
            ADMIN = "admin";

    /** User → their one group ("" for none). */
    public static final Map<String, String> USERS;

    static {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(AGENT, "agents");
        users.put(SUPERVISOR, "supervisors");
        users.put(LEGAL, "legal");
        users.put(OWNER, "owners");
        users.put(PROCESS_OWNER, "process-owners");
        users.put(AUDITOR, "auditors");
        users.put(PRODUCT, "product");
        users.put(NOBODY, "");
        users.put(ADMIN, "camunda-admin");
        USERS = Collections.unmodifiableMap(users);
    }

    private RoleUsers() {}

    /** Creates the product team's group, {@code pia} and {@code nobody} where they do not exist yet. */
    public static void ensure(IdentityService identity) {
        if (identity.createGroupQuery().groupId("product").count() == 0) {
            var group = identity.newGroup("product");
            group.setName("Product and design");
            identity.saveGroup(group);
        }
        for (String id : List.of(PRODUCT, NOBODY)) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setPassword(TestDatabase.password());
                identity.saveUser(user);
                if (id.equals(PRODUCT)) {
                    identity.createMembership(id, "product");
                }
            }
        }
    }
}
