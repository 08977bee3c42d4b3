package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@AppTest
class IdentitySetupAppTest {

    @Autowired
    IdentitySetup setup;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    DemoProperties demo;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void setupIsIdempotent() {
        long users = identity.createUserQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();

        setup.afterSingletonsInstantiated();
        setup.afterSingletonsInstantiated();

        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount).isEqualTo(TasklistFilters.ALL.size());
    }

    /** A restart writes nothing: two nodes restarting at once then have no row to fight over. */
    @Test
    void aSecondRunChangesNoRow() {
        setup.afterSingletonsInstantiated();
        String before = revisions();

        setup.afterSingletonsInstantiated();

        assertThat(revisions()).isEqualTo(before);
    }

    /**
     * Nodes starting at once after a filter's definition changed: each run finds the filter different and would save
     * it; the start-up lock makes them take turns, so none ends with an OptimisticLockingException and the filter is
     * put back once.
     */
    @Test
    void nodesStartingAtOnceTakeTurns() throws Exception {
        Filter filter = filters.createFilterQuery()
                .filterName(TasklistFilters.ALL.get(0).name())
                .singleResult();
        Map<String, Object> properties = new java.util.LinkedHashMap<>(filter.getProperties());
        properties.put("color", "#000000");
        filter.setProperties(properties);
        filters.saveFilter(filter);
        int revisionBefore = revision(filter.getId());

        int nodes = 4;
        ExecutorService starts = Executors.newFixedThreadPool(nodes);
        CountDownLatch ready = new CountDownLatch(nodes);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            results.add(starts.submit(() -> {
                ready.countDown();
                ready.await();
                setup.afterSingletonsInstantiated();
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get(); // rethrows a failed start
        }
        starts.shutdown();

        Filter after = filters.getFilter(filter.getId());
        assertThat(after.getProperties())
                .containsEntry("color", TasklistFilters.ALL.get(0).properties().get("color"));
        assertThat(revision(filter.getId())).isEqualTo(revisionBefore + 1);
    }

    private String revisions() {
        return jdbc.sql(
                        "SELECT (SELECT COUNT(*) FROM ACT_RU_FILTER) || '/' || (SELECT SUM(REV_) FROM ACT_RU_FILTER) || '/'"
                                + " || (SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION) || '/' || (SELECT SUM(REV_) FROM ACT_RU_AUTHORIZATION) || '/'"
                                + " || (SELECT COUNT(*) FROM ACT_ID_USER) || '/' || (SELECT SUM(REV_) FROM ACT_ID_USER) || '/'"
                                + " || (SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP)")
                .query(String.class)
                .single();
    }

    private int revision(String filterId) {
        return jdbc.sql("SELECT REV_ FROM ACT_RU_FILTER WHERE ID_ = ?")
                .param(filterId)
                .query(Integer.class)
                .single();
    }

    @Test
    void everyRoleHasItsGroupAndEveryDemoUserIsInIt() {
        assertThat(identity.createGroupQuery()
                        .groupIdIn(Roles.ALL.toArray(String[]::new))
                        .count())
                .isEqualTo(Roles.ALL.size());
        for (DemoUser user : DemoUser.ALL) {
            assertThat(identity.createUserQuery()
                            .userId(user.id())
                            .memberOfGroup(user.group())
                            .count())
                    .as(user.id())
                    .isOne();
        }
    }

    @Test
    void theAdministratorIsPutBackIntoCamundaAdminAtStart() {
        identity.deleteMembership("admin", Roles.CAMUNDA_ADMIN);

        setup.afterSingletonsInstantiated();

        assertThat(identity.createUserQuery()
                        .userId("admin")
                        .memberOfGroup(Roles.CAMUNDA_ADMIN)
                        .count())
                .isOne();
    }

    /**
     * The recovery path of issue #15: an administrator locked by Camunda's former login lock (the tenth wrong password
     * locked for good, each one held the next logins back) is unlocked by the next start, no database access needed.
     */
    @Test
    void theAdministratorLockedByCamundasFormerLoginLockIsUnlockedAtStart() {
        lockAsCamundaDid("admin");
        lockAsCamundaDid("lena");
        assertThat(identity.checkPassword("admin", TestDatabase.password()))
                .as("locked: the right password fails")
                .isFalse();

        setup.afterSingletonsInstantiated();

        for (String user : List.of("admin", "lena")) {
            assertThat(identity.checkPassword(user, TestDatabase.password()))
                    .as(user)
                    .isTrue();
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ? AND (ATTEMPTS_ > 0 OR LOCK_EXP_TIME_ IS NOT NULL)")
                            .param(user)
                            .query(Integer.class)
                            .single())
                    .as(user + " still locked")
                    .isZero();
        }
        assertThat(identity.createUserQuery()
                        .userId("admin")
                        .memberOfGroup(Roles.CAMUNDA_ADMIN)
                        .count())
                .isOne();
    }

    /** Locked as Camunda 7.24 locked an account with loginMaxAttempts 10: ten attempts, the last delay not yet over. */
    private void lockAsCamundaDid(String user) {
        jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?")
                .params(Timestamp.from(Instant.now().plusSeconds(60)), user)
                .update();
    }

    /** COMPLAINTDESK_ADMIN_RESET=true: the administrator's password is the configured one again, after a start. */
    @Test
    void theResetSwitchGivesTheAdministratorTheConfiguredPasswordAgain() {
        User admin = identity.createUserQuery().userId("admin").singleResult();
        admin.setPassword("Forgotten-Password-7#");
        identity.saveUser(admin);
        lockAsCamundaDid("admin");
        identity.deleteMembership("admin", Roles.CAMUNDA_ADMIN);
        try {
            // without the switch, a start unlocks and puts back into camunda-admin, but keeps the password
            setup.afterSingletonsInstantiated();
            assertThat(identity.checkPassword("admin", "Forgotten-Password-7#")).isTrue();
            assertThat(identity.checkPassword("admin", TestDatabase.password())).isFalse();

            lockAsCamundaDid("admin");
            identity.deleteMembership("admin", Roles.CAMUNDA_ADMIN);
            setupWith(new AdminProperties("admin", TestDatabase.password(), true, true))
                    .afterSingletonsInstantiated();

            assertThat(identity.checkPassword("admin", TestDatabase.password())).isTrue();
            assertThat(identity.checkPassword("admin", "Forgotten-Password-7#")).isFalse();
            assertThat(identity.createUserQuery()
                            .userId("admin")
                            .memberOfGroup(Roles.CAMUNDA_ADMIN)
                            .count())
                    .isOne();
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'admin' AND (ATTEMPTS_ > 0 OR LOCK_EXP_TIME_ IS NOT NULL)")
                            .query(Integer.class)
                            .single())
                    .isZero();
        } finally {
            User restored = identity.createUserQuery().userId("admin").singleResult();
            restored.setPassword(TestDatabase.password());
            identity.saveUser(restored);
            if (identity.createUserQuery()
                            .userId("admin")
                            .memberOfGroup(Roles.CAMUNDA_ADMIN)
                            .count()
                    == 0) {
                identity.createMembership("admin", Roles.CAMUNDA_ADMIN);
            }
        }
    }

    @Test
    void theResetSwitchNeedsThePassword() {
        assertThatThrownBy(() -> new AdminProperties("admin", "", false, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COMPLAINTDESK_ADMIN_PASSWORD");
    }

    private IdentitySetup setupWith(AdminProperties admin) {
        return new IdentitySetup(identity, authorizations, filters, tasks, admin, demo, transactions, jdbc);
    }

    @Test
    void generatedPasswordsSatisfyThePasswordPolicy() {
        for (int i = 0; i < 50; i++) {
            String password = setup.generatePassword();
            assertThat(identity.checkPasswordAgainstPolicy(password).isValid())
                    .as(password)
                    .isTrue();
        }
    }
}
