package org.huiying.server.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A handler whose rule method security must enforce even when it is called without going through the web. */
@RestController
@ConditionalOnProperty("huiying.test.forgotten-endpoint")
class AdminOnlyEndpoint {

    @GetMapping("/api/test-only/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> adminOnly() {
        return Map.of("reached", true);
    }
}
