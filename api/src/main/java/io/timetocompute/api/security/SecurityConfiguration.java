package io.timetocompute.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.scheduler.portfolio.Shipment;

/**
 * Who may do what. Open: health, the OpenAPI document and the login page. Every logged-in user may ask who they
 * are ({@code /api/me}, for the web UI's header). Executives read projections and the feeds; suppliers send events
 * (about their own shipments, checked where the event is processed); planners do everything. Browsers log in with a
 * form; API clients and calendar apps use HTTP Basic, or a JWT bearer token when the service is configured as an
 * OAuth2 resource server (production).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String PLANNER = Roles.PLANNER;
    private static final String EXECUTIVE = Roles.EXECUTIVE;
    private static final String SUPPLIER = Roles.SUPPLIER;
    private static final String PORTFOLIO = "/api/portfolios/*";
    private static final RequestMatcher EXPORT = PathPatternRequestMatcher.pathPattern(PORTFOLIO + "/export");

    /**
     * Scripts only from the service's own files (no inline script, no eval, no other origin), no plugins, no
     * framing, no base-URI games. Inline styles stay allowed: vis-timeline and uPlot position their elements with
     * style attributes, and a style cannot run code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Environment environment,
            SecurityProperties properties, CalendarLinks calendarLinks,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/v3/api-docs.yaml", "/login", "/error", "/favicon.ico").permitAll()
                .requestMatchers(GET, "/api/me").authenticated()
                .requestMatchers(POST, "/api/events", PORTFOLIO + "/events").hasAnyRole(PLANNER, SUPPLIER)
                .requestMatchers(GET, PORTFOLIO + "/calendar.ics").access(AuthorizationManagers.anyOf(
                        AuthorityAuthorizationManager.hasAnyRole(PLANNER, EXECUTIVE),
                        (authentication, context) -> new AuthorizationDecision(
                                calendarLinks.userOf(context.getRequest().getParameter("token")).isPresent())))
                // Suppliers read their own shipments only (the endpoint filters by the user), in every portfolio.
                .requestMatchers(GET, "/api/suppliers/*/shipments").hasAnyRole(PLANNER, SUPPLIER)
                // Executives: the portfolios and, in each, projections, feeds, the dashboard and the site views.
                .requestMatchers(GET, "/api/portfolios", PORTFOLIO, PORTFOLIO + "/projections",
                        PORTFOLIO + "/timeline", PORTFOLIO + "/timeline/**", PORTFOLIO + "/calendar/link",
                        PORTFOLIO + "/dashboard", PORTFOLIO + "/sites", PORTFOLIO + "/sites/*",
                        PORTFOLIO + "/sites/*/schedule", PORTFOLIO + "/blocks/**").hasAnyRole(PLANNER, EXECUTIVE)
                // The plan as a P6 or MS Project file (?format=); the portfolio JSON export stays the planners'.
                .requestMatchers(request -> GET.matches(request.getMethod()) && request.getParameter("format") != null
                        && EXPORT.matches(request)).hasAnyRole(PLANNER, EXECUTIVE)
                // Scenarios: executives read the shared ones (the controller filters), planners do the rest.
                .requestMatchers(GET, PORTFOLIO + "/scenarios", PORTFOLIO + "/scenarios/*", PORTFOLIO + "/compare")
                        .hasAnyRole(PLANNER, EXECUTIVE)
                .requestMatchers("/api/**", "/actuator/**").hasRole(PLANNER)
                .requestMatchers(GET, "/supplier.html").hasAnyRole(PLANNER, SUPPLIER)
                .requestMatchers(GET, "/import.html").hasRole(PLANNER)
                .requestMatchers(GET, "/app/**", "/webjars/**").authenticated()
                .requestMatchers(GET, "/", "/index.html", "/site.html", "/events.html", "/compare.html")
                        .hasAnyRole(PLANNER, EXECUTIVE)
                .anyRequest().authenticated())
                // A supplier lands on its own page, the others on the dashboard.
                .formLogin(form -> form.successHandler(landingPage()))
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                // Browsers carry a session cookie and need CSRF protection; systems calling with an Authorization
                // header (Basic or Bearer) are not exposed to it.
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(
                        request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // A denied call is answered like every other refused one, by the API's exception handler, as a
                // problem. API clients and calendar apps get a Basic challenge (401) that they can answer, not a
                // redirect to the login form.
                .exceptionHandling(exceptions -> exceptions
                        .accessDeniedHandler((request, response, denied) ->
                                exceptionResolver.resolveException(request, response, null, denied))
                        .defaultAuthenticationEntryPointFor(apiChallenge(),
                                PathPatternRequestMatcher.pathPattern("/api/**")));
        if (environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")) {
            JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
            authorities.setAuthoritiesClaimName(properties.rolesClaim());
            authorities.setAuthorityPrefix("ROLE_");
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(authorities);
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
        }
        return http.build();
    }

    @Bean
    CalendarLinks calendarLinks(SecurityProperties properties, MongoTemplate mongo, StoreCommit commit) {
        return CalendarLinks.of(properties.calendarLinkSecret(), mongo, commit);
    }

    private static AuthenticationSuccessHandler landingPage() {
        SavedRequestAwareAuthenticationSuccessHandler toSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        SimpleUrlAuthenticationSuccessHandler toSupplierPage = new SimpleUrlAuthenticationSuccessHandler(
                "/supplier.html");
        toSupplierPage.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            if (Roles.supplierOf(authentication).isPresent() && !Roles.has(authentication, EXECUTIVE)) {
                toSupplierPage.onAuthenticationSuccess(request, response, authentication);
            } else {
                toSavedRequest.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static BasicAuthenticationEntryPoint apiChallenge() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Time-to-Compute");
        return entryPoint;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The demo users: planner, executive and one user per supplier of the portfolios planned at start (named by its slug, e.g.
     * {@code baltic-magnetics}), all with the demo password. None when demo users are off.
     */
    @Bean
    UserDetailsService users(SecurityProperties properties, LivePlans session, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (properties.demoUsers()) {
            String password = encoder.encode(properties.demoPassword());
            users.add(User.withUsername("planner").password(password).roles(PLANNER).build());
            users.add(User.withUsername("executive").password(password).roles(EXECUTIVE).build());
            TreeSet<String> suppliers = new TreeSet<>();
            for (String portfolioId : session.ids()) {
                for (Shipment shipment : session.plan(portfolioId).portfolio().shipments()) {
                    suppliers.add(Suppliers.slugOf(shipment.supplier()));
                }
            }
            suppliers.forEach(slug -> users.add(User.withUsername(slug).password(password).roles(SUPPLIER).build()));
            LOG.info("demo users: planner, executive and suppliers {}", suppliers);
        }
        return new InMemoryUserDetailsManager(users);
    }
}
