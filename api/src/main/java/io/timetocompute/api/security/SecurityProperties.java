package io.timetocompute.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers whether the demo users exist (planner, executive and one user per supplier of the portfolio);
 *        on in the run command, off in production
 * @param demoPassword their password
 * @param rolesClaim the JWT claim that lists a user's roles when the service is an OAuth2 resource server
 */
@ConfigurationProperties("ttc.security")
public record SecurityProperties(Boolean demoUsers, String demoPassword, String rolesClaim) {

    public SecurityProperties {
        demoUsers = demoUsers == null || demoUsers;
        demoPassword = demoPassword == null ? "demo" : demoPassword;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }
}
