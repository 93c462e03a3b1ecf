package org.huiying.server.staff;

import java.time.Duration;

/**
 * Failed logins counted per key (a username or a client address) over a window: in this node's
 * memory when it runs alone, in Redis when it is one of a cluster, so that every node refuses the
 * sixth guess, not the sixth on each node.
 */
interface LoginAttempts {

    /**
     * Counts an attempt of {@code key} before its password is checked, in one atomic step, and returns the
     * attempts within the window including this one: parallel guesses cannot all pass a check made
     * before any of them is counted.
     */
    int reserve(String key, Duration window);

    /** Gives back one reserved attempt (the password was right, or the attempt was refused unchecked). */
    void refund(String key);

    void forget(String key);
}
