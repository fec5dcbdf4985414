package io.timetocompute.api.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The three kinds of user. A supplier's user name is the slug of its name (as in its CloudEvents source,
 * {@code /suppliers/<slug>}): that is how the service knows which shipments are its own.
 */
public final class Roles {

    /** Everything: schedules, what-ifs, imports, the event log. */
    public static final String PLANNER = "PLANNER";
    /** Projections and the executive feeds. */
    public static final String EXECUTIVE = "EXECUTIVE";
    /** Sends events about its own shipments only. */
    public static final String SUPPLIER = "SUPPLIER";

    private Roles() {
    }

    public static boolean has(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + role).equals(authority.getAuthority()));
    }

    /** @return the supplier slug of a user who has only the supplier role; empty for planners */
    public static Optional<String> supplierOf(Authentication authentication) {
        if (has(authentication, PLANNER) || !has(authentication, SUPPLIER)) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
