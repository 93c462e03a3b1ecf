package org.huiying.server.staff;

import java.time.Duration;

/**
 * Failed logins counted per key (a username or a client address) over a window: in this node's
 * memory when it runs alone, in Redis when it is one of a cluster, so that every node refuses the
 * sixth guess, not the sixth on each node.
 */
interface LoginAttempts {

    /** Failures of {@code key} within the last {@code window}. */
    int recent(String key, Duration window);

    void failed(String key, Duration window);

    void forget(String key);
}
