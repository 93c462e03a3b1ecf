package org.huiying.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reachable without a staff token, by decision: logging in, a customer opening a chat, requests that prove
 * themselves another way (a customer's chat token, Twilio's signature). The path must also be permitted in
 * {@link SecurityConfig}; a handler under {@code /api/**} with neither this nor {@code @PreAuthorize} is refused
 * ({@link DeclaredRolesGuard}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
}
