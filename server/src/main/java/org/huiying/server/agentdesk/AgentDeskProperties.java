package org.huiying.server.agentdesk;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code huiying.agent-desk.*}: which web origins may open the staff STOMP socket (patterns as
 * Spring's {@code setAllowedOriginPatterns}; empty means the server's own origin only, which is
 * where the console is served from), and how large an inbound message and the per-session send
 * buffer may grow before the session is closed.
 */
@ConfigurationProperties("huiying.agent-desk")
record AgentDeskProperties(List<String> allowedOrigins, DataSize maxMessageSize, DataSize sendBufferSize) {

    AgentDeskProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxMessageSize = maxMessageSize == null ? DataSize.ofKilobytes(64) : maxMessageSize;
        sendBufferSize = sendBufferSize == null ? DataSize.ofKilobytes(512) : sendBufferSize;
    }
}
