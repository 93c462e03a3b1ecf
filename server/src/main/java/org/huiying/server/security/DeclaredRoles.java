package org.huiying.server.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What a handler says about who may call it: {@link PublicEndpoint}, or a {@code @PreAuthorize} rule (directly or
 * through a meta-annotation such as {@link AnyStaff}), evaluated here exactly as method security evaluates it.
 * The guard asks before the request's arguments are bound; the API document lists the roles the same rule lets in.
 */
@Component
class DeclaredRoles {

    /** Every staff role there is (the staff module's {@code Role}; a test keeps the two equal). */
    static final List<String> STAFF_ROLES = List.of("AGENT", "EXPERT", "SUPERVISOR", "ADMIN", "TECHNICIAN", "RND");

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
    private final SecurityAnnotationScanner<PreAuthorize> scanner = SecurityAnnotationScanners.requireUnique(PreAuthorize.class);
    private final ApplicationContext context;

    DeclaredRoles(ApplicationContext context) {
        this.context = context;
        DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context); // rules such as @revealRoles.include(authentication) name beans
        rules.setExpressionHandler(expressions);
    }

    boolean isPublic(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }

    boolean statesRoles(HandlerMethod handler) {
        return scanner.scan(handler.getMethod(), handler.getBeanType()) != null;
    }

    /** Whether the handler's rule lets {@code caller} in; a handler without a rule lets nobody in. */
    boolean allows(HandlerMethod handler, Supplier<Authentication> caller) {
        if (!statesRoles(handler)) {
            return false;
        }
        AuthorizationResult result = rules.authorize(caller, invocation(handler));
        return result != null && result.isGranted();
    }

    /** The roles whose holders the rule lets in, each tried on its own. */
    List<String> rolesAllowed(HandlerMethod handler) {
        return STAFF_ROLES.stream().filter(role -> allows(handler, () -> staffWith(role))).toList();
    }

    private SimpleMethodInvocation invocation(HandlerMethod handler) {
        Object bean = handler.getBean() instanceof String name ? context.getBean(name) : handler.getBean();
        Method method = handler.getMethod();
        // rules name roles, not arguments: nothing is bound yet when the guard asks
        return new SimpleMethodInvocation(bean, method, new Object[method.getParameterCount()]);
    }

    private static Authentication staffWith(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("0", null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
