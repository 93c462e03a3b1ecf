package org.huiying.server.telephony.voice;

import java.util.List;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.privacy.MediaLinks;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Service;

/**
 * The way out when nobody can answer soon: 1 books a callback, 2 records a voicemail that is
 * linked on the caller's ticket. A caller who presses nothing, or hangs up before a voicemail is
 * recorded, still gets a callback booked: we have their number, and the promise is kept.
 */
@Service
class CallbackOffers {

    /** Plays of the offer before a callback is booked without waiting for a key. */
    private static final int OFFER_PLAYS = 2;

    private final VoiceThreads threads;
    private final CallerTickets tickets;
    private final Tickets allTickets;
    private final Conversations conversations;
    private final VoiceTwiml twiml;
    private final VoiceProperties voice;
    private final MediaLinks mediaLinks;

    CallbackOffers(VoiceThreads threads, CallerTickets tickets, Tickets allTickets, Conversations conversations,
                   VoiceTwiml twiml, VoiceProperties voice, MediaLinks mediaLinks) {
        this.mediaLinks = mediaLinks;
        this.threads = threads;
        this.tickets = tickets;
        this.allTickets = allTickets;
        this.conversations = conversations;
        this.twiml = twiml;
        this.voice = voice;
    }

    /** The offer as an answer of its own (the fallback URL, a queue the caller had to leave). */
    String offer(String spokenFirst, String ticket) {
        return twiml.offer(List.of(twiml.prompt(spokenFirst)), ticket, 1);
    }

    String choose(InboundCall call, String ticket, int offered) {
        String conversationId = threads.conversationFor(call.phone());
        String digits = call.param("Digits") == null ? "" : call.param("Digits").strip();
        if (digits.startsWith("2")) {
            return twiml.voicemail(tickets.ticketForVoicemail(conversationId, ticket), voice.voicemailMax());
        }
        if (!digits.startsWith("1") && offered < OFFER_PLAYS) {
            return twiml.offer(List.of(twiml.prompt("offer.invalid")), ticket, offered + 1);
        }
        tickets.bookCallback(conversationId, call.callSid(), ticket);
        return twiml.goodbye(twiml.prompt("callback.booked"));
    }

    /** Twilio's Record action: the recording is kept as a message on the ticket's conversation, once per RecordingSid. */
    String recorded(InboundCall call, String ticket) {
        String url = call.param("RecordingUrl");
        String sid = call.param("RecordingSid");
        String conversationId = conversationOf(call, ticket);
        if (url == null || url.isBlank() || sid == null || "0".equals(call.param("RecordingDuration"))) {
            tickets.bookCallback(conversationId, call.callSid(), ticket);
            return twiml.goodbye(twiml.prompt("voicemail.empty"));
        }
        String seconds = call.param("RecordingDuration") == null ? "" : "（" + call.param("RecordingDuration") + "秒）";
        String link = mediaLinks.trusted(url) ? url : "（录音链接来源不受信任，已丢弃）";
        conversations.append(conversationId, Sender.SYSTEM, null, "rec-" + sid, "客户语音留言" + seconds + "：" + link);
        return twiml.goodbye(twiml.prompt("voicemail.thanks"));
    }

    /**
     * A recorded hotline call (its recording status callback): the link joins the ticket's conversation as
     * a system message, once per RecordingSid — so it is shown with the ticket, erased with the
     * conversation and kept no longer than it.
     */
    void callRecorded(java.util.Map<String, String> params, String ticket) {
        String url = params.get("RecordingUrl");
        String sid = params.get("RecordingSid");
        if (url == null || url.isBlank() || sid == null || !"completed".equals(params.get("RecordingStatus"))
                || ticket == null || ticket.isBlank()) {
            return;
        }
        String conversationId;
        try {
            conversationId = allTickets.get(ticket).conversationId();
        } catch (org.huiying.server.web.ApiException notFound) {
            return; // a URL we did not write
        }
        String seconds = params.get("RecordingDuration") == null ? "" : "（" + params.get("RecordingDuration") + "秒）";
        String link = mediaLinks.trusted(url) ? url : "（录音链接来源不受信任，已丢弃）";
        conversations.append(conversationId, Sender.SYSTEM, null, "rec-" + sid, "通话录音" + seconds + "：" + link);
    }

    /** Twilio's transcription, when it has one, joins the recording in the conversation. */
    void transcribed(InboundCall call, String ticket) {
        String text = call.param("TranscriptionText");
        String sid = call.param("RecordingSid");
        if (sid == null || text == null || text.isBlank() || !"completed".equals(call.param("TranscriptionStatus"))) {
            return;
        }
        conversations.append(conversationOf(call, ticket), Sender.SYSTEM, null, "tr-" + sid,
                "语音留言转写：" + text.strip());
    }

    private String conversationOf(InboundCall call, String ticket) {
        if (ticket != null && !ticket.isBlank()) {
            try {
                return allTickets.get(ticket).conversationId();
            } catch (org.huiying.server.web.ApiException notFound) {
                // a URL we did not write: the caller's own conversation
            }
        }
        return threads.conversationFor(call.phone());
    }
}
