package com.complaintdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator: the member of camunda-admin that is always kept, so the Admin app's first-run setup is
 * never needed (and it is blocked anyway).
 *
 * @param userId          user id of the administrator
 * @param password        its password, from COMPLAINTDESK_ADMIN_PASSWORD; empty: generated at first creation
 *                        and printed once, unless {@code requirePassword}
 * @param requirePassword refuse to start without a password (the postgres profile)
 * @param reset           the recovery switch (COMPLAINTDESK_ADMIN_RESET=true): at start, the administrator gets
 *                        {@code password} again, whatever it was changed to since; needs {@code password}. Whether
 *                        set or not, every start unlocks the administrator and puts it back into camunda-admin
 */
@ConfigurationProperties("complaintdesk.admin")
public record AdminProperties(
        @DefaultValue("admin") String userId, String password, boolean requirePassword, boolean reset) {

    public AdminProperties {
        if (requirePassword && (password == null || password.isBlank())) {
            throw new IllegalStateException("Complaint Desk refuses to start without an administrator password: "
                    + "set the environment variable COMPLAINTDESK_ADMIN_PASSWORD");
        }
        if (reset && (password == null || password.isBlank())) {
            throw new IllegalStateException("COMPLAINTDESK_ADMIN_RESET=true resets the administrator's password to "
                    + "COMPLAINTDESK_ADMIN_PASSWORD: set that variable too");
        }
    }

    boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}
