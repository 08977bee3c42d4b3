package com.complaintdesk.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * What a user may do with their own account: read it and change their profile and password, but not delete it.
 * Camunda grants every new user all permissions on their own account, so an auditor, who deletes nothing, could
 * delete themselves through the REST API; deleting users is the administrators' work.
 */
@Component
class OwnAccountAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newUser(User user) {
                AuthorizationEntity[] defaults = super.newUser(user);
                for (AuthorizationEntity authorization : defaults) {
                    if (isOwnAccount(authorization)) {
                        authorization.removePermission(Permissions.DELETE);
                    }
                }
                return defaults;
            }
        });
    }

    /** Takes the permission to delete their own account from users created before this rule (at every start). */
    static void withdrawDeletingOwnAccounts(AuthorizationService authorizations) {
        for (Authorization authorization : authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.USER)
                .list()) {
            if (isOwnAccount(authorization) && authorization.isPermissionGranted(Permissions.DELETE)) {
                authorization.removePermission(Permissions.DELETE);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    private static boolean isOwnAccount(Authorization authorization) {
        return authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && authorization.getResourceType() == Resources.USER.resourceType()
                && authorization.getUserId() != null
                && authorization.getUserId().equals(authorization.getResourceId());
    }
}
