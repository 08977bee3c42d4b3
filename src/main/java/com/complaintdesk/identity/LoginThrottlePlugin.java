package com.complaintdesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Turns Camunda's per-account login lock off and puts the application's {@link LoginThrottle} in its place
 * (issue #15: the lock let anyone who knows a user id lock that user out, the administrator included).
 *
 * <p>Camunda's {@code DbIdentityServiceProvider.checkPassword} refuses even the right password while the account is
 * "locked": when its failed attempts reach {@code loginMaxAttempts} (for good), or until its lock expiration time,
 * set at each failure to now plus {@code loginDelayBase × loginDelayFactor^(attempts−1)} seconds, at most
 * {@code loginDelayMaxTime}. The engine's identity provider here records no failure on the account at all
 * ({@link ThrottledIdentityProvider}); the settings below make Camunda's lock ineffective as well, should another
 * identity provider ever take its place: no number of attempts locks, and the delay is zero.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottle throttle;

    LoginThrottlePlugin(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayFactor(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                // a WritableIdentityProvider: the engine registers it for reading and for writing users and groups
                return ThrottledIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new ThrottledIdentityProvider(throttle);
            }
        });
    }
}
