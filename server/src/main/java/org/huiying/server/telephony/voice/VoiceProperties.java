package org.huiying.server.telephony.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.voice.*}.
 *
 * @param maxWait       a caller expected to wait longer than this is offered a callback or voicemail instead
 * @param handleTime    how long an agent takes per caller, for the wait estimate
 * @param menuAttempts  how often the menu is played before a callback is offered instead
 * @param voicemailMax  longest voicemail, in seconds
 * @param offerTimeout  how long a waiting caller rings on one agent's console before going to the next
 * @param missesBeforeAway an agent who lets this many offers in a row ring out is set AWAY
 * @param serviceLevelThreshold a caller answered within this wait counts towards the service level
 * @param wrapUp        after an answered call, how long the agent has for its wrap-up before the next caller
 * @param record        record answered calls (their conference: the caller on one channel, the agents on the other), after a spoken notice
 */
@ConfigurationProperties("huiying.voice")
record VoiceProperties(Duration maxWait, Duration handleTime, int menuAttempts, int voicemailMax, Duration offerTimeout,
                       int missesBeforeAway, Duration serviceLevelThreshold,
                       Duration wrapUp, boolean record) {

    VoiceProperties {
        maxWait = maxWait == null ? Duration.ofMinutes(5) : maxWait;
        handleTime = handleTime == null ? Duration.ofMinutes(4) : handleTime;
        menuAttempts = menuAttempts <= 0 ? 3 : menuAttempts;
        voicemailMax = voicemailMax <= 0 ? 120 : voicemailMax;
        offerTimeout = offerTimeout == null ? Duration.ofSeconds(20) : offerTimeout;
        missesBeforeAway = missesBeforeAway <= 0 ? 3 : missesBeforeAway;
        serviceLevelThreshold = serviceLevelThreshold == null ? Duration.ofSeconds(20) : serviceLevelThreshold;
        wrapUp = wrapUp == null ? Duration.ofMinutes(2) : wrapUp;
    }
}
