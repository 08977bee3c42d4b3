package com.complaintdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings users, groups, authorizations and Tasklist filters to the state the roles need, at every start and
 * idempotently: the groups of the playbook, an administrator who is always a direct member of camunda-admin and
 * never locked (with {@code complaintdesk.admin.reset}, also with the configured password again),
 * the demo users (default profile), each group's grants and the shared Tasklist filters (without filters
 * Tasklist shows no task list at all). Runs before the application is ready, so later start-up work can rely
 * on it.
 *
 * <p>Nodes of a cluster share the database: the whole setup runs in one transaction that first locks the
 * {@code cd_startup_lock} row, and the engine's calls join that transaction, so two nodes starting at once take
 * turns and the second finds everything in place. Nothing is written when nothing differs, so a restart changes no
 * row.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String PASSWORD_SYMBOLS = "!#%+-=?@";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final AdminProperties admin;
    private final DemoProperties demo;
    private final SecureRandom random = new SecureRandom();
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    IdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            AdminProperties admin,
            DemoProperties demo,
            PlatformTransactionManager transactions,
            JdbcClient jdbc) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> newPasswords = transaction.execute(status -> {
            jdbc.sql("SELECT name FROM cd_startup_lock WHERE name = 'identity-setup' FOR UPDATE")
                    .query(String.class)
                    .single();
            return setUp();
        });
        if (!newPasswords.isEmpty()) {
            printOnce(newPasswords);
        }
    }

    private Map<String, String> setUp() {
        Map<String, String> newPasswords = new LinkedHashMap<>();
        Roles.ALL.forEach(this::ensureGroup);
        unlockAccountsLockedByCamunda();
        ensureAdministrator(newPasswords);
        if (demo.enabled()) {
            for (DemoUser user : DemoUser.ALL) {
                ensureUser(user.id(), user.firstName(), user.lastName(), user.email(), demo.password(), newPasswords);
                ensureMembership(user.id(), user.group());
            }
        }
        grantAdministratorsEverything();
        OwnAccountAuthorizations.withdrawDeletingOwnAccounts(authorizations);
        RoleAuthorizations.GRANTS.forEach(g -> grant(g.group(), g.resource(), g.resourceId(), g.permissions()));
        TasklistFilters.ALL.forEach(this::ensureFilter);
        return newPasswords;
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(groupName(id));
            group.setType(Roles.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureAdministrator(Map<String, String> newPasswords) {
        ensureUser(
                admin.userId(),
                "Complaint Desk",
                "Administrator",
                admin.userId() + "@complaintdesk.example",
                admin.password(),
                newPasswords);
        // Always a direct member: the Admin app offers its first-run setup whenever camunda-admin has none.
        ensureMembership(admin.userId(), Roles.CAMUNDA_ADMIN);
        if (admin.reset()) {
            resetAdministratorPassword();
        }
    }

    /**
     * Camunda's own login lock (before issue #15 it locked an account for good at the tenth wrong password, and held
     * it back after each one) is off now ({@link LoginThrottlePlugin}); accounts it had locked are unlocked, at every
     * start, so that no administrator needs the database to let anyone back in.
     */
    private void unlockAccountsLockedByCamunda() {
        List<String> locked = jdbc.sql("SELECT ID_ FROM ACT_ID_USER WHERE ATTEMPTS_ > 0 OR LOCK_EXP_TIME_ IS NOT NULL")
                .query(String.class)
                .list();
        for (String userId : locked) {
            identity.unlockUser(userId);
            log.info("Unlocked user '{}', locked by Camunda's former login lock", userId);
        }
    }

    /** The recovery switch: the administrator's password becomes the configured one again (issue #15). */
    private void resetAdministratorPassword() {
        if (identity.checkPassword(admin.userId(), admin.password())) {
            log.info(
                    "complaintdesk.admin.reset: the administrator '{}' has the configured password already",
                    admin.userId());
            return;
        }
        checkPolicy(admin.userId(), admin.password());
        User user = identity.createUserQuery().userId(admin.userId()).singleResult();
        user.setPassword(admin.password());
        identity.saveUser(user);
        log.warn(
                "complaintdesk.admin.reset: the administrator '{}' has the password of COMPLAINTDESK_ADMIN_PASSWORD "
                        + "again; unset COMPLAINTDESK_ADMIN_RESET so that a password changed later is kept",
                admin.userId());
    }

    private void ensureUser(
            String id,
            String first,
            String last,
            String email,
            String configuredPassword,
            Map<String, String> newPasswords) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        String password = configured ? configuredPassword : generatePassword();
        checkPolicy(id, password);
        User user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        if (!configured) {
            newPasswords.put(id, password);
        }
    }

    private void checkPolicy(String id, String password) {
        PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password);
        if (!policy.isValid()) {
            throw new IllegalStateException(
                    "The configured password for user '" + id + "' violates the password policy ("
                            + policy.getViolatedRules().stream()
                                    .map(r -> r.getPlaceholder())
                                    .toList()
                            + "): use at least 10 characters with upper and lower case letters, a digit and a symbol");
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void grantAdministratorsEverything() {
        for (Resource resource : Resources.values()) {
            grant(Roles.CAMUNDA_ADMIN, resource, RoleAuthorizations.ALL, Permissions.ALL);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureFilter(TasklistFilters.Definition definition) {
        Filter filter =
                filters.createFilterQuery().filterName(definition.name()).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(definition.name());
        }
        TaskQuery query = definition.query().apply(tasks.createTaskQuery());
        if (filter.getId() == null || !isAsDefined(filter, query, definition)) {
            filter.setOwner(admin.userId());
            filter.setQuery(query);
            filter.setProperties(definition.properties());
            filters.saveFilter(filter);
        }
        for (String group : definition.groups()) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    /** Owner, query and properties as stored equal the definition's, compared as the engine stores them (JSON). */
    private boolean isAsDefined(Filter stored, TaskQuery query, TasklistFilters.Definition definition) {
        FilterEntity wanted = (FilterEntity) filters.newTaskFilter(definition.name());
        wanted.setQuery(query);
        wanted.setProperties(definition.properties());
        FilterEntity reread = (FilterEntity) filters.newTaskFilter(definition.name());
        reread.setPropertiesInternal(wanted.getPropertiesInternal());
        return admin.userId().equals(stored.getOwner())
                && wanted.getQueryInternal().equals(((FilterEntity) stored).getQueryInternal())
                && reread.getProperties().equals(stored.getProperties());
    }

    String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        // guarantee each class the policy asks for, at random positions
        insertRandomly(password, "ABCDEFGHJKLMNPQRSTUVWXYZ");
        insertRandomly(password, "abcdefghijkmnopqrstuvwxyz");
        insertRandomly(password, "23456789");
        insertRandomly(password, PASSWORD_SYMBOLS);
        return password.toString();
    }

    private void insertRandomly(StringBuilder password, String characters) {
        password.insert(random.nextInt(password.length() + 1), characters.charAt(random.nextInt(characters.length())));
    }

    private static void printOnce(Map<String, String> newPasswords) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("==================================================================");
        lines.add(" Demo users — generated passwords, shown only this once");
        lines.add(" (set COMPLAINTDESK_DEMO_PASSWORD / COMPLAINTDESK_ADMIN_PASSWORD to choose them)");
        lines.add("------------------------------------------------------------------");
        newPasswords.forEach(
                (user, password) -> lines.add(String.format("  %-8s %-16s %s", user, roleOf(user), password)));
        lines.add("==================================================================");
        log.warn(String.join(System.lineSeparator(), lines));
    }

    private static String roleOf(String user) {
        return DemoUser.ALL.stream()
                .filter(d -> d.id().equals(user))
                .map(DemoUser::group)
                .findFirst()
                .orElse(Roles.CAMUNDA_ADMIN);
    }

    private static String groupName(String id) {
        return switch (id) {
            case Roles.AGENTS -> "Agents / 客服";
            case Roles.SUPERVISORS -> "Supervisors / 主管";
            case Roles.LEGAL -> "Legal / 法务";
            case Roles.OWNERS -> "Owners / 管理层";
            case Roles.PROCESS_OWNERS -> "Process owners / 流程负责人";
            case Roles.AUDITORS -> "Auditors / 审计";
            case Roles.PRODUCT -> "Product team / 产品团队";
            default -> "Camunda administrators";
        };
    }
}
