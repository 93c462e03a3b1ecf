package org.huiying.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Deny by default for {@code /api/**}: a handler is reached only when it is {@link PublicEndpoint} or its
 * {@code @PreAuthorize} rule lets the caller in. A handler that states nothing is refused to everyone, so an
 * endpoint someone forgot to annotate fails closed. Runs before the request's arguments are bound, so a caller
 * without the role learns nothing from validation (always {@code 403}, never a {@code 400} first); method
 * security checks the same rule again when the handler is invoked.
 */
@Component
class DeclaredRolesGuard implements HandlerInterceptor {

    private final DeclaredRoles roles;

    DeclaredRolesGuard(DeclaredRoles roles) {
        this.roles = roles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException, ServletException {
        if (!(handler instanceof HandlerMethod method)) {
            // no such path (answered 404 by the resource handler) or a CORS preflight: neither runs our code
            if (handler instanceof ResourceHttpRequestHandler || CorsUtils.isPreFlightRequest(request)) {
                return true;
            }
            return refuse(response, "This endpoint states no roles, so nobody may use it.");
        }
        if (roles.isPublic(method)) {
            return true;
        }
        if (!roles.statesRoles(method)) {
            return refuse(response, "This endpoint states no roles, so nobody may use it.");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            JsonAuthErrors.unauthorized().commence(request, response, null);
            return false;
        }
        if (!roles.allows(method, () -> caller)) {
            return refuse(response, "Your role does not allow this.");
        }
        return true;
    }

    private static boolean refuse(HttpServletResponse response, String message) throws IOException {
        JsonAuthErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", message);
        return false;
    }
}
