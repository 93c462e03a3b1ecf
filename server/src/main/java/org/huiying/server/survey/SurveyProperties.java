package org.huiying.server.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.survey.*}.
 *
 * @param delay      how long after resolution the survey goes out (default right away)
 * @param quietHours daily window nobody is messaged, e.g. {@code 21:00-08:00} in {@code huiying.zone}; empty = none
 * @param sweepEvery how often due surveys are looked up behind the timers
 * @param target     the CSAT (share of answers scoring 4 or 5) the centre aims for; the seed's ≥ 90 %
 */
@ConfigurationProperties("huiying.survey")
record SurveyProperties(Duration delay, String quietHours, Duration sweepEvery, Double target) {

    SurveyProperties {
        target = target == null ? 0.90 : target;
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("huiying.survey.target must be above 0 and at most 1, was " + target);
        }
        delay = delay == null ? Duration.ZERO : delay;
        quietHours = quietHours == null ? "21:00-08:00" : quietHours;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
    }
}
