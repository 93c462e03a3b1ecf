package org.huiying.server.agentdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Closes a desk socket (1008, "token expired") when the access token it connected with runs out,
 * so a token that leaked, or a console left open on a shared PC, cannot listen to pushes for
 * longer than a token lives. The console's STOMP client reconnects by itself with a refreshed
 * token and reloads its lists on every connect, so its user sees at most a moment of "未连接".
 * Against the wall clock, as tokens are issued and checked.
 */
@Component
class ExpiringSessions implements DisposableBean {

    private final RevokedSessions sockets;
    private final Clock wallClock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "desk-token-expiry");
        t.setDaemon(true);
        return t;
    });

    ExpiringSessions(RevokedSessions sockets) {
        this.sockets = sockets;
    }

    /** A session already closed by then is gone from the registry of open sockets, and nothing happens. */
    void closeAt(String sessionId, Instant expiresAt) {
        long delay = Math.max(0, Duration.between(wallClock.instant(), expiresAt).toMillis());
        timer.schedule(() -> sockets.close(sessionId, "token expired"), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
