package com.complaintdesk.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, and gives the user one authority
 * {@code ROLE_<groupId>} per Camunda group. The check is throttled per source address and account
 * ({@link LoginThrottle}, through {@link ThrottledIdentityProvider}); a source that must wait is answered 429 by
 * {@link LoginThrottleFilter} before it gets here.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final EngineAuthentication engineAuthentication;

    CamundaUserAuthenticationProvider(IdentityService identity, EngineAuthentication engineAuthentication) {
        this.identity = identity;
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null
                || userId.isBlank()
                || credentials == null
                || !identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> authorities = engineAuthentication.groupsOf(userId).stream()
                .map(group -> new SimpleGrantedAuthority("ROLE_" + group))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
