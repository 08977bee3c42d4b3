package com.complaintdesk.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who sends a request to the engine API: a user and their Camunda groups, read once per request from the HTTP Basic
 * credentials ({@code /engine-rest}) or the webapps' session ({@code /camunda/api/engine}).
 */
public record EngineCaller(String userId, List<String> groups) {

    /** The prefix of a Camunda group among a Spring Security caller's authorities. */
    public static final String ROLE = "ROLE_";

    /** Where the Camunda webapps keep who logged in, in the HTTP session. */
    static final String WEBAPP_SESSION_ATTRIBUTE = "authenticatedUser";

    public EngineCaller {
        groups = List.copyOf(groups);
    }

    public boolean isAdministrator() {
        return groups.contains(EndpointPolicy.ADMINISTRATORS);
    }

    /** The Camunda groups a caller signed in through Spring Security carries, as {@code ROLE_<group>} authorities. */
    public static List<String> groups(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE))
                .map(a -> a.substring(ROLE.length()))
                .toList();
    }

    /** Who logged in to the Camunda webapps (Cockpit, Tasklist) in this request's session, for this engine. */
    public static Optional<String> webappUser(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(WEBAPP_SESSION_ATTRIBUTE) instanceof Authentications authentications)) {
            return Optional.empty();
        }
        Authentication user = authentications.getAuthenticationForProcessEngine(engineName);
        return user == null ? Optional.empty() : Optional.ofNullable(user.getIdentityId());
    }
}
