package io.timetocompute.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the XSRF-TOKEN cookie on every browser response. Spring Security loads the CSRF token lazily, and logging in
 * replaces it, so without this the web UI's pages would have no cookie to copy into the X-XSRF-TOKEN header of
 * their first POST (logout). Calls with an Authorization header need no token and get no cookie.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null
                && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            // Reading the token makes the cookie repository write it.
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
