package org.huiying.server.console;

import java.time.Clock;
import java.util.Map;
import org.huiying.server.security.AnyStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's time, so the console counts SLA deadlines down against the clock that enforces them and
 * not against a desk PC's clock, which may be minutes off (any staff).
 */
@RestController
class ServerClockController {

    private final Clock clock;

    ServerClockController(Clock clock) {
        this.clock = clock;
    }

    @AnyStaff
    @GetMapping("/api/console/clock")
    Map<String, String> now() {
        return Map.of("now", clock.instant().toString());
    }
}
