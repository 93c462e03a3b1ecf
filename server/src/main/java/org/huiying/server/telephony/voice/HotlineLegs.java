package org.huiying.server.telephony.voice;

import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.util.List;
import java.util.Optional;
import org.huiying.server.privacy.LogSafe;
import org.huiying.server.telephony.TwilioClient;
import org.huiying.server.telephony.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the hotline asks of Twilio once a caller is answered, through the SDK: the caller's call redirected
 * into their conference (Calls API), calls placed to agents that join it (Calls API, with a status callback
 * saying whether they connected), a participant held, resumed or told whether leaving ends the conference
 * (Conference Participants API), an agent's call hung up. Each answers whether it was sent; without a
 * Twilio account (dry run) nothing is, and each returns false. Twilio refusing throws
 * {@link TwilioRefused}; no database transaction is held while Twilio is asked.
 */
@Component
class HotlineLegs {

    private static final Logger log = LoggerFactory.getLogger(HotlineLegs.class);
    /** How long an agent's softphone or phone rings before Twilio gives up on it. */
    static final int RING_SECONDS = 20;

    /** Twilio answered with an error, or could not be reached. */
    static final class TwilioRefused extends RuntimeException {
        TwilioRefused(String what, RuntimeException cause) {
            super(what + ": " + LogSafe.text(cause.getMessage()), cause);
        }
    }

    private final TwilioClient client;
    private final TwilioProperties twilio;
    private final VoiceTwiml twiml;

    HotlineLegs(TwilioClient client, TwilioProperties twilio, VoiceTwiml twiml) {
        this.client = client;
        this.twilio = twilio;
        this.twiml = twiml;
    }

    boolean live() {
        return client.rest().isPresent();
    }

    /** The caller's live call runs {@code newTwiml} from now on. */
    boolean redirect(String callSid, String newTwiml) {
        return send("redirect call " + callSid, rest -> Call.updater(callSid).setTwiml(newTwiml).update(rest));
    }

    /**
     * Calls an agent (their softphone, {@code client:<identity>}, or their own phone) into the caller's
     * conference; returns the new call's SID, or empty in a dry run.
     */
    Optional<String> dialAgent(String callSid, long staffId, String softphoneIdentity, String phone, String whisper) {
        Optional<TwilioRestClient> rest = client.rest();
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        Endpoint to = phone != null ? new PhoneNumber(phone) : new Client(Client.PREFIX + softphoneIdentity);
        Endpoint from = twilio.from() != null ? new PhoneNumber(twilio.from()) : new Client(Client.PREFIX + "hotline");
        try {
            Call leg = Call.creator(to, from, new Twiml(twiml.agentToConference(callSid, staffId, whisper)))
                    .setTimeout(RING_SECONDS)
                    .setStatusCallback(twiml.url(VoiceTwiml.AGENT_LEG + "?call=" + callSid + "&staff=" + staffId))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("answered", "completed"))
                    .create(rest.get());
            log.info("Hotline call {}: agent {} called into its conference ({})", callSid, staffId, leg.getSid());
            return Optional.of(leg.getSid());
        } catch (RuntimeException e) {
            throw new TwilioRefused("call agent " + staffId + " for " + callSid, e);
        }
    }

    /** Holds ({@code true}) or resumes a participant of the conference; the held hear {@code reason}'s words. */
    boolean hold(String conferenceSid, String participantCallSid, boolean hold, VoiceTwiml.HoldReason reason) {
        return send((hold ? "hold " : "resume ") + participantCallSid, rest -> {
            var update = Participant.updater(conferenceSid, participantCallSid).setHold(hold);
            if (hold) {
                update.setHoldUrl(twiml.holdUrl(reason)).setHoldMethod(HttpMethod.POST);
            }
            update.update(rest);
        });
    }

    /** Whether the participant leaving ends the conference (the agent who has the call: yes; one who handed it over: no). */
    boolean endsOnExit(String conferenceSid, String participantCallSid, boolean ends) {
        return send("end-on-exit " + participantCallSid, rest ->
                Participant.updater(conferenceSid, participantCallSid).setEndConferenceOnExit(ends).update(rest));
    }

    /** Ends one call (an agent's leg): they leave the conference. */
    boolean hangUp(String legSid) {
        return send("hang up " + legSid, rest -> Call.updater(legSid).setStatus(Call.UpdateStatus.COMPLETED).update(rest));
    }

    private boolean send(String what, java.util.function.Consumer<TwilioRestClient> request) {
        Optional<TwilioRestClient> rest = client.rest();
        if (rest.isEmpty()) {
            log.info("Dry run (no Twilio account): would {}", what);
            return false;
        }
        try {
            request.accept(rest.get());
            return true;
        } catch (RuntimeException e) {
            throw new TwilioRefused(what, e);
        }
    }
}
