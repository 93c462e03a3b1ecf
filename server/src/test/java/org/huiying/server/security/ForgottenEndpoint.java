package org.huiying.server.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint as someone might add it and forget to say who may use it: no {@code @PreAuthorize}, no
 * {@link PublicEndpoint}. Only servers started with {@code --huiying.test.forgotten-endpoint=true} have it.
 */
@RestController
@ConditionalOnProperty("huiying.test.forgotten-endpoint")
class ForgottenEndpoint {

    static final String PATH = "/api/test-only/forgotten/{id}";

    @PostMapping(PATH)
    Map<String, Object> forgotten(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return Map.of("reached", true);
    }
}
