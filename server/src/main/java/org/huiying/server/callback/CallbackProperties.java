package org.huiying.server.callback;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.callback.*}.
 *
 * @param after       delay from resolution to the follow-up call
 * @param monthlyAfter delay from a confirmed fix of a complaint to the call that checks it held
 * @param retryAfter  delay before trying again when nobody answered
 * @param maxAttempts calls before a task is closed as unreachable
 */
@ConfigurationProperties("huiying.callback")
record CallbackProperties(Period after, Period monthlyAfter, Duration retryAfter, int maxAttempts) {

    CallbackProperties {
        after = after == null ? Period.ofDays(3) : after;
        monthlyAfter = monthlyAfter == null ? Period.ofMonths(1) : monthlyAfter;
        retryAfter = retryAfter == null ? Duration.ofDays(1) : retryAfter;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
    }
}
