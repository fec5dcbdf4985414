package io.timetocompute.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers whether the demo users exist (planner, executive and one user per supplier of the portfolio);
 *        on in the run command, off in production
 * @param demoPassword their password
 * @param rolesClaim the JWT claim that lists a user's roles when the service is an OAuth2 resource server
 * @param calendarLinkSecret signs links to the calendar feed ({@link CalendarLinks}); when blank, a secret made once
 *        and kept in MongoDB. Give every instance the same one; changing it revokes every link.
 */
@ConfigurationProperties("ttc.security")
public record SecurityProperties(Boolean demoUsers, String demoPassword, String rolesClaim,
        String calendarLinkSecret) {

    public SecurityProperties {
        demoUsers = demoUsers == null || demoUsers;
        demoPassword = demoPassword == null ? "demo" : demoPassword;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }
}
