package org.huiying.server.telephony.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Identity;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Parameter;
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

    /**
     * The caller's live call, redirected when an agent answers: straight to the agent's softphone (client
     * {@code identity}), which is told which call and ticket this is. {@code answerOnBridge}: the caller
     * keeps hearing the line until the agent's browser picks up.
     */
    String bridgeToAgent(String identity, String callSid, String ticketId, boolean record) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        Dial.Builder dial = new Dial.Builder().answerOnBridge(true).timeout(20);
        recordIf(record, r, dial, ticketId);
        return r
                .dial(dial
                        .client(new Client.Builder().identity(new Identity.Builder(identity).build())
                                .parameter(new Parameter.Builder().name("callSid").value(callSid).build())
                                .parameter(new Parameter.Builder().name("ticketId").value(ticketId).build())
                                .build())
                        .build())
                .build().toXml();
    }

    /** The caller's live call, redirected to the agent's own phone (calling from the hotline's number). */
    String bridgeToPhone(String phone, String callerId, String ticketId, boolean record) {
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        Dial.Builder dial = new Dial.Builder().answerOnBridge(true).timeout(20);
        if (callerId != null) {
            dial.callerId(callerId);
        }
        recordIf(record, r, dial, ticketId);
        return r.dial(dial.number(new Number.Builder(phone).build()).build()).build().toXml();
    }

    /** The caller is told before anything is recorded; then each party is recorded on a channel of its own. */
    private void recordIf(boolean record, VoiceResponse.Builder r, Dial.Builder dial, String ticketId) {
        if (record) {
            r.say(prompt("recording.notice"));
            dial.record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
                    .recordingStatusCallback(url(CALL_RECORDING + "?ticket=" + ticketId)).recordingStatusCallbackMethod(HttpMethod.POST)
                    .recordingStatusCallbackEvents(Dial.RecordingEvent.COMPLETED);
        }
    }

    /** What a callback says when the customer picks up, before they wait for an agent. */
    String outboundGreeting() {
        return new VoiceResponse.Builder()
                .say(prompt("outbound.greeting"))
                .enqueue(new Enqueue.Builder("callback").waitUrl(url(QUEUE_WAIT)).waitUrlMethod(HttpMethod.POST).build())
                .build().toXml();
    }
}
