package org.huiying.server.telephony.voice;

import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.huiying.server.callback.CallerCallbacks;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.privacy.LogSafe;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.telephony.TwilioClient;
import org.huiying.server.telephony.TwilioProperties;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Places a callback: an outbound call through Twilio's Calls API to the customer's number, from
 * {@code huiying.twilio.from}, with status callbacks that record how it went. The call is
 * recorded before the answer returns; with no Twilio account configured it is a logged dry run.
 * Nothing is held in a database transaction while Twilio is asked.
 */
@Service
class CallbackDialer {

    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);
    /** A call Twilio has said nothing about for this long is taken as over (its last status callback was lost). */
    static final Duration SILENT_CALL = Duration.ofHours(1);

    record Placed(String callSid, String status, boolean dryRun, String taskId) {
    }

    private final CallerCallbacks callbacks;
    private final Tickets tickets;
    private final VoiceCalls calls;
    private final VoiceTwiml twiml;
    private final TwilioClient client;
    private final TwilioProperties twilio;
    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Clock clock;

    CallbackDialer(CallerCallbacks callbacks, Tickets tickets, VoiceCalls calls, VoiceTwiml twiml, TwilioClient client,
                   TwilioProperties twilio, JdbcClient jdbc, Conversations conversations, Clock clock) {
        this.callbacks = callbacks;
        this.tickets = tickets;
        this.calls = calls;
        this.twiml = twiml;
        this.client = client;
        this.twilio = twilio;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.clock = clock;
    }

    Placed call(String taskId, CurrentStaff me) {
        CallerCallbacks.Target target = callbacks.toCall(taskId, me);
        if (calls.inFlight(taskId, Timestamps.now(clock).minus(SILENT_CALL))) {
            throw ApiException.conflict("call_in_progress", "A call for this callback is still ringing or connected.");
        }
        Ticket ticket = tickets.get(target.ticketId());
        String phone = phoneOf(ticket.conversationId())
                .orElseThrow(() -> ApiException.conflict("no_phone", "The customer left no phone number."));
        Optional<TwilioRestClient> rest = client.rest().filter(r -> twilio.from() != null);
        if (rest.isEmpty()) {
            String sid = RandomIds.id("dry");
            log.info("Dry run (no Twilio account configured): would call {} for callback {}", PhoneNumbers.mask(phone), taskId);
            calls.outbound(sid, phone, ticket.conversationId(), ticket.id(), taskId, me.id(), CallStatus.DRY_RUN,
                    Timestamps.now(clock));
            return new Placed(sid, CallStatus.DRY_RUN.wire(), true, taskId);
        }
        Call call;
        try {
            call = Call.creator(new PhoneNumber(phone), new PhoneNumber(twilio.from()), new Twiml(twiml.outboundGreeting()))
                    .setStatusCallback(twiml.url(VoiceTwiml.STATUS))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                    .create(rest.get());
        } catch (com.twilio.exception.ApiException e) {
            log.warn("Twilio refused the callback call to {}: {}", PhoneNumbers.mask(phone), LogSafe.text(e.getMessage()));
            throw new ApiException(HttpStatus.BAD_GATEWAY, "twilio_error", "Twilio did not place the call: " + e.getMessage());
        }
        CallStatus status = call.getStatus() == null ? CallStatus.QUEUED
                : CallStatus.of(call.getStatus().toString()).orElse(CallStatus.QUEUED);
        calls.outbound(call.getSid(), phone, ticket.conversationId(), ticket.id(), taskId, me.id(), status, Timestamps.now(clock));
        log.info("Calling {} for callback {} ({})", PhoneNumbers.mask(phone), taskId, call.getSid());
        return new Placed(call.getSid(), status.wire(), false, taskId);
    }

    /** The number the caller called from, else the one the customer gave, in E.164. */
    private Optional<String> phoneOf(String conversationId) {
        Optional<String> called = jdbc.sql("SELECT phone FROM voice_thread WHERE conversation_id = ?").param(conversationId)
                .query(String.class).optional();
        if (called.isPresent()) {
            return called;
        }
        return conversations.customerPhone(conversationId).flatMap(PhoneNumbers::e164);
    }
}
