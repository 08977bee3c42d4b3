package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    @Test
    void everyRoleHasItsGroupAndEveryDemoUserIsInIt() {
        assertThat(identity.createGroupQuery().groupIdIn(Roles.ALL.toArray(String[]::new)).count()).isEqualTo(Roles.ALL.size());
        for (DemoUser user : DemoUser.ALL) {
            assertThat(identity.createUserQuery().userId(user.id()).memberOfGroup(user.group()).count()).as(user.id()).isOne();
        }
    }

    @Test
    void theAdministratorIsPutBackIntoCamundaAdminAtStart() {
        identity.deleteMembership("admin", Roles.CAMUNDA_ADMIN);

        setup.afterSingletonsInstantiated();

        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isOne();
    }

    @Test
    void generatedPasswordsSatisfyThePasswordPolicy() {
        for (int i = 0; i < 50; i++) {
            String password = setup.generatePassword();
            assertThat(identity.checkPasswordAgainstPolicy(password).isValid()).as(password).isTrue();
        }
    }
}
