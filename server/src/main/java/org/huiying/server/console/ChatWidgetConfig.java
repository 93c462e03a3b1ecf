package org.huiying.server.console;

import java.util.Map;
import org.huiying.server.web.ApiException;
import org.huiying.server.runtime.GatewayStarted;
import org.huiying.server.security.PublicEndpoint;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the customer widget which port the chat gateway listens on: it may be chosen at start-up
 * (port 0), and the widget is served from the HTTP port, not the gateway's.
 */
@RestController
class ChatWidgetConfig {

    private volatile int gatewayPort;

    @EventListener
    void gatewayStarted(GatewayStarted event) {
        gatewayPort = event.port();
    }

    @PublicEndpoint
    @GetMapping("/api/chat/config")
    Map<String, Integer> config() {
        if (gatewayPort == 0) {
            throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "gateway_starting",
                    "The chat gateway is not listening yet.");
        }
        return Map.of("gatewayPort", gatewayPort);
    }
}
