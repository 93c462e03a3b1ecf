package org.huiying.server.callback;

import java.time.Clock;
import java.time.Instant;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks a caller asked for on the hotline, and the calls placed to keep them: the voice
 * channel books them and reports how each call went; this keeps the task's attempts and outcome
 * by the same rules as a call whose result an agent records by hand.
 */
@Service
public class CallerCallbacks {

    public static final String CALLER_REQUEST = "CALLER_REQUEST";

    /** A task an agent may call now. */
    public record Target(String taskId, String ticketId, int attempts) {
    }

    private final CallbackRepository callbacks;
    private final CallbackAccess access;
    private final CallbackProperties properties;
    private final Clock clock;

    CallerCallbacks(CallbackRepository callbacks, CallbackAccess access, CallbackProperties properties, Clock clock) {
        this.callbacks = callbacks;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    /** A task due at once on {@code ticketId}, for anyone to take; asking twice books one. */
    @Transactional
    public String requestNow(String ticketId) {
        Instant now = Timestamps.now(clock);
        callbacks.insertOnce(RandomIds.id("cb"), ticketId, CALLER_REQUEST, now, null, now);
        return callbacks.idFor(ticketId, CALLER_REQUEST).orElseThrow();
    }

    /**
     * The task, if {@code me} may call it now, by the rule for recording a result ({@link CallbackAccess}): its
     * owner, a supervisor or an admin, or an agent with the skills while nobody owns it; while it is open.
     */
    @Transactional
    public Target toCall(String taskId, CurrentStaff me) {
        CallbackTask task = callbacks.lock(taskId, clock.instant()).filter(t -> access.mayWork(t, me))
                // someone else's callback is not in this person's list: answer as if it did not exist
                .orElseThrow(() -> ApiException.notFound("callback"));
        if (!task.status().equals("OPEN")) {
            throw ApiException.conflict("callback_done", "This callback has its result already.");
        }
        return new Target(task.id(), task.ticketId(), task.attempts());
    }

    /**
     * The customer picked up. A caller who asked to be called back has what they asked for: the task is
     * done. A follow-up of a service or a fix stays open until the agent records what the customer said
     * (fixed or not); it shows as reached meanwhile. Nothing changes once the task is closed.
     */
    @Transactional
    public void answered(String taskId, String note) {
        Instant now = Timestamps.now(clock);
        callbacks.lock(taskId, now).filter(t -> t.status().equals("OPEN")).ifPresent(t -> {
            if (t.reason().equals(CALLER_REQUEST)) {
                callbacks.complete(taskId, Callbacks.Outcome.REACHED.name(), note, t.attempts() + 1, null, now);
            } else {
                callbacks.reached(taskId, now, note);
            }
        });
    }

    /** No answer, busy or failed: try again after {@code huiying.callback.retry-after}, closed after the last attempt. */
    @Transactional
    public void unanswered(String taskId, String note) {
        Instant now = Timestamps.now(clock);
        callbacks.lock(taskId, now).filter(t -> t.status().equals("OPEN")).ifPresent(t -> {
            int attempts = t.attempts() + 1;
            if (attempts < properties.maxAttempts()) {
                callbacks.retry(taskId, now.plus(properties.retryAfter()), attempts, note);
            } else {
                callbacks.complete(taskId, Callbacks.Outcome.NO_ANSWER.name(), note, attempts, null, now);
            }
        });
    }
}
