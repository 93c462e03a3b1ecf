package org.huiying.server.security;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Roles stated on every handler: method security enforces {@code @PreAuthorize} when a handler runs, the
 * {@link DeclaredRolesGuard} refuses earlier, before arguments are bound, and anything under {@code /api/**} that
 * states nothing; the API document shows each operation's roles ({@code x-roles}) or {@code x-public: true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class DeclaredRolesConfig implements WebMvcConfigurer {

    private final DeclaredRolesGuard guard;

    DeclaredRolesConfig(DeclaredRolesGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    OperationCustomizer rolesInApiDocument(DeclaredRoles roles) {
        return (Operation operation, HandlerMethod handler) -> {
            if (roles.isPublic(handler)) {
                operation.addExtension("x-public", true);
            } else if (roles.statesRoles(handler)) {
                operation.addExtension("x-roles", roles.rolesAllowed(handler));
            }
            return operation;
        };
    }
}
