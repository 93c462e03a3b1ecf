package org.huiying.server.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security for the REST API. Pages and the STOMP handshake are public: the
 * pages hold no data, and STOMP authenticates on its CONNECT frame with the same decoder.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter roles, Environment environment) throws Exception {
        List<String> embedders = List.of(environment.getProperty("huiying.gateway.allowed-origins", String[].class, new String[0]));
        http.csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.disable()).addHeaderWriter(new PageSecurityHeaders(embedders)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/chat/sessions").permitAll()
                        // the chat widget's own calls, authorised by the customer's session token in the controller
                        .requestMatchers(HttpMethod.POST, "/api/chat/sessions/*/phone", "/api/chat/sessions/*/phone/verify").permitAll()
                        .requestMatchers("/actuator/health/**", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/staff").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/staff/me/**").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/staff/*/password", "/api/staff/*/disabled").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/tech-photos").hasRole("TECHNICIAN")
                        .requestMatchers(HttpMethod.POST, "/api/canned-replies").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/canned-replies/*").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/canned-replies/*").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(staffTokensOnly())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(JsonAuthErrors.unauthorized())
                        .accessDeniedHandler(JsonAuthErrors.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(JsonAuthErrors.unauthorized())
                        .accessDeniedHandler(JsonAuthErrors.forbidden()));
        return http.build();
    }

    /** A customer's chat token is no staff JWT: on the chat session paths it is left to the controller. */
    private static BearerTokenResolver staffTokensOnly() {
        DefaultBearerTokenResolver staff = new DefaultBearerTokenResolver();
        return request -> request.getRequestURI().startsWith("/api/chat/sessions/") ? null : staff.resolve(request);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
