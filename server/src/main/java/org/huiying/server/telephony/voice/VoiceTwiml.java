package org.huiying.server.telephony.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import java.util.List;
import java.util.Map;
import org.huiying.server.telephony.PublicBaseUrl;
import org.springframework.stereotype.Component;

/**
 * The hotline's answers as TwiML, built only with the SDK's builders so the XML is always well
 * formed and escaped. Spoken text comes from {@link VoicePrompts}; follow-up URLs are absolute
 * (the public base URL), the URL Twilio will sign when it requests them.
 */
@Component
class VoiceTwiml {

    static final String MENU = "/twilio/voice/menu";
    static final String OFFER = "/twilio/voice/callback-offer";
    static final String QUEUE_WAIT = "/twilio/voice/queue-wait";
    static final String QUEUE_EXIT = "/twilio/voice/queue-exit";
    static final String RECORDING = "/twilio/voice/recording";
    static final String CALL_RECORDING = "/twilio/voice/call-recording";
    static final String TRANSCRIPTION = "/twilio/voice/transcription";
    static final String STATUS = "/twilio/voice/status";
    static final String CONFERENCE = "/twilio/voice/conference";
    static final String HOLD = "/twilio/voice/hold";
    static final String AGENT_LEG = "/twilio/voice/agent-leg";
    /** What a caller hears in the conference when no agent is talking to them: the prompt {@code hold.<reason>}. */
    enum HoldReason { CONNECTING, HOLD, TRANSFER }
    /** What the menu's speech recognition listens for. */
    private static final String HINTS = "咨询,投诉,预约,道路救援,回电,人工";

    private final VoicePrompts prompts;
    private final PublicBaseUrl base;

    VoiceTwiml(VoicePrompts prompts, PublicBaseUrl base) {
        this.prompts = prompts;
        this.base = base;
    }

    Say say(String text) {
        return new Say.Builder(text).language(Say.Language.ZH_CN).voice(Say.Voice.POLLY_ZHIYU).build();
    }

    Say prompt(String key) {
        return say(prompts.text(key));
    }

    String promptText(String key) {
        return prompts.text(key);
    }

    Say prompt(String key, Map<String, ?> values) {
        return say(prompts.text(key, values));
    }

    String url(String path) {
        String external = base.of(path);
        return external == null ? path : external;
    }

    /** The menu inside a Gather (keys and Mandarin speech); no input falls through to the menu URL, which counts it. */
    String menu(List<Say> before, int played) {
        String action = url(MENU + "?attempt=" + played);
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        before.forEach(r::say);
        r.gather(new Gather.Builder()
                .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH))
                .numDigits(1).timeout(6).speechTimeout("auto")
                .language(Gather.Language.CMN_HANS_CN).hints(HINTS)
                .action(action).method(HttpMethod.POST)
                .say(prompt("menu"))
                .build());
        r.redirect(new Redirect.Builder(action).method(HttpMethod.POST).build());
        return r.build().toXml();
    }

    /** Press 1 for a callback, 2 for voicemail; {@code ticket} is the caller's ticket, when one is open. */
    String offer(List<Say> before, String ticket, int offered) {
        String action = url(OFFER + "?ticket=" + (ticket == null ? "" : ticket) + "&attempt=" + offered);
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        before.forEach(r::say);
        r.gather(new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(6)
                .action(action).method(HttpMethod.POST)
                .say(prompt("offer.menu"))
                .build());
        r.redirect(new Redirect.Builder(action).method(HttpMethod.POST).build());
        return r.build().toXml();
    }

    /** Into the Twilio queue named after the ticket's queue; the wait URL keeps the caller told where they stand. */
    String enqueue(Say announcement, String queue, String ticket) {
        return new VoiceResponse.Builder()
                .say(announcement)
                .enqueue(new Enqueue.Builder(queue)
                        .waitUrl(url(QUEUE_WAIT)).waitUrlMethod(HttpMethod.POST)
                        .action(url(QUEUE_EXIT + "?ticket=" + ticket)).method(HttpMethod.POST)
                        .build())
                .build().toXml();
    }

    String waiting(Say announcement) {
        return new VoiceResponse.Builder().say(announcement).pause(new Pause.Builder().length(20).build()).build().toXml();
    }

    /** Takes the caller out of the queue; the Enqueue action then offers a callback. */
    String leaveQueue() {
        return new VoiceResponse.Builder().leave(new Leave.Builder().build()).build().toXml();
    }

    String voicemail(String ticket, int maxSeconds) {
        return new VoiceResponse.Builder()
                .say(prompt("voicemail.prompt"))
                .record(new Record.Builder()
                        .action(url(RECORDING + "?ticket=" + ticket)).method(HttpMethod.POST)
                        .maxLength(maxSeconds).timeout(10).finishOnKey("#").playBeep(true)
                        .transcribe(true).transcribeCallback(url(TRANSCRIPTION + "?ticket=" + ticket))
                        .build())
                .build().toXml();
    }

    /** Says its last words and ends the call. */
    String goodbye(Say... last) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        for (Say s : last) {
            r.say(s);
        }
        return r.hangup(new Hangup.Builder().build()).build().toXml();
    }

    String empty() {
        return new VoiceResponse.Builder().build().toXml();
    }

    /** The conference of one hotline call: named after the caller's call, where the caller and the agents meet. */
    static String conferenceName(String callSid) {
        return "hotline-" + callSid;
    }

    /**
     * The caller's live call, redirected when an agent answers: into the call's conference, where they hear
     * that they are being connected until the agent joins. Their hanging up ends it for everyone; when
     * recording, they are told first and the conference is recorded from its start (two channels: the
     * caller, who joins first, and everyone else).
     */
    String callerToConference(String callSid, String ticketId, boolean record) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        Conference.Builder room = room(callSid, "caller").startConferenceOnEnter(false).endConferenceOnExit(true)
                .waitUrl(holdUrl(HoldReason.CONNECTING)).waitMethod(HttpMethod.POST);
        if (record) {
            r.say(prompt("recording.notice"));
            room.record(Conference.Record.RECORD_FROM_START)
                    .recordingStatusCallback(url(CALL_RECORDING + "?ticket=" + ticketId)).recordingStatusCallbackMethod(HttpMethod.POST)
                    .recordingStatusCallbackEvents(Conference.RecordingEvent.COMPLETED);
        }
        return r.dial(new Dial.Builder().conference(room.build()).build()).build().toXml();
    }

    /**
     * What the call placed to an agent (softphone or phone) runs once they pick up: {@code whisper}, heard by
     * them alone, then the caller's conference, which ends when they leave it (a warm transfer hands that
     * over to the colleague).
     */
    String agentToConference(String callSid, long staffId, String whisper) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        if (whisper != null) {
            r.say(say(whisper));
        }
        return r.dial(new Dial.Builder().conference(room(callSid, "agent-" + staffId)
                .startConferenceOnEnter(true).endConferenceOnExit(true).build()).build()).build().toXml();
    }

    private Conference.Builder room(String callSid, String label) {
        return new Conference.Builder(conferenceName(callSid)).participantLabel(label).beep(Conference.Beep.FALSE)
                .statusCallback(url(CONFERENCE + "?call=" + callSid)).statusCallbackMethod(HttpMethod.POST)
                .statusCallbackEvents(List.of(Conference.Event.START, Conference.Event.END, Conference.Event.JOIN,
                        Conference.Event.LEAVE, Conference.Event.HOLD));
    }

    /** The hold (or wait) music of the conference: a word to the caller, a pause, and again (Twilio allows Say, Pause, Redirect). */
    String onHold(HoldReason reason) {
        String self = url(HOLD + "?for=" + reason.name().toLowerCase(java.util.Locale.ROOT));
        return new VoiceResponse.Builder()
                .say(prompt("hold." + reason.name().toLowerCase(java.util.Locale.ROOT)))
                .pause(new Pause.Builder().length(15).build())
                .redirect(new Redirect.Builder(self).method(HttpMethod.POST).build())
                .build().toXml();
    }

    String holdUrl(HoldReason reason) {
        return url(HOLD + "?for=" + reason.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** What a callback says when the customer picks up, before they wait for an agent. */
    String outboundGreeting() {
        return new VoiceResponse.Builder()
                .say(prompt("outbound.greeting"))
                .enqueue(new Enqueue.Builder("callback").waitUrl(url(QUEUE_WAIT)).waitUrlMethod(HttpMethod.POST).build())
                .build().toXml();
    }
}
