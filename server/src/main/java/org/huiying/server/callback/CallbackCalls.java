package org.huiying.server.callback;

import org.huiying.server.security.CurrentStaff;

/**
 * Places a callback's call through a telephone channel. The voice channel implements it (it depends on
 * this module, so this module declares what it needs instead of depending back).
 */
public interface CallbackCalls {

    /** Whether calls go out now: an account to call from is configured. */
    boolean canCall();

    /**
     * Calls the customer of the task for {@code me}; returns the call's id. Throws
     * {@link org.huiying.server.web.ApiException} when the channel refuses (a call still ringing, no number,
     * the provider's error). Called outside any transaction.
     */
    String place(String taskId, CurrentStaff me);
}
