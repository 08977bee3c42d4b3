package com.complaintdesk.identity;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, with the application's {@link LoginThrottle} in place of Camunda's own
 * lock. Every password check goes through here, whichever way it came in: HTTP Basic on the APIs, the webapps' login
 * form, {@code POST /engine-rest/identity/verify}, or the current password asked when a password is changed. While
 * the request's source address must wait for the account, no password is checked and the answer is "wrong"; checks
 * outside an HTTP request (start-up, tests) are not throttled.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String source = LoginThrottle.currentSource();
        if (source == null) {
            return super.checkPassword(userId, password);
        }
        if (!throttle.tryAttempt(source, userId)) {
            return false;
        }
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            throttle.succeeded(source, userId);
        } else {
            throttle.failed(source, userId);
        }
        return valid;
    }

    /**
     * Camunda counts each wrong password on the account itself, delays its next logins (even with the right password)
     * and locks it for good at the tenth: anyone knowing a user id could lock that user out. Nothing is recorded on
     * the account; the throttle slows down the guessing source instead.
     */
    @Override
    protected void lockUser(UserEntity user) {
        // deliberately nothing
    }
}
