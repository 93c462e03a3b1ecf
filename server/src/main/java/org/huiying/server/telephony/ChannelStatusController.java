package org.huiying.server.telephony;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.telephony.sms.SmsChannelStatus;
import org.huiying.server.telephony.voice.VoiceChannelStatus;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel status for admins: whether SMS and the hotline are configured, the public webhook URLs to paste
 * into Twilio's console, the last webhook this node received and whether its signature held, the SMS
 * outbox's backlog and last failure. Never a secret: no auth token, API key or secret, only whether set.
 */
@RestController
class ChannelStatusController {

    static final List<String> SMS_WEBHOOKS = List.of("/twilio/sms", "/twilio/status");
    static final List<String> VOICE_WEBHOOKS = List.of("/twilio/voice", "/twilio/voice/status", "/twilio/voice/fallback");

    private final TwilioProperties twilio;
    private final PublicBaseUrl base;
    private final WebhookLog webhooks;
    private final SmsChannelStatus sms;
    private final VoiceChannelStatus voice;

    ChannelStatusController(TwilioProperties twilio, PublicBaseUrl base, WebhookLog webhooks, SmsChannelStatus sms, VoiceChannelStatus voice) {
        this.twilio = twilio;
        this.base = base;
        this.webhooks = webhooks;
        this.sms = sms;
        this.voice = voice;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/admin/channels")
    Map<String, Object> channels(Authentication auth) {
        if (!CurrentStaff.of(auth).has("ADMIN")) {
            throw ApiException.forbidden("Only admins see the channel settings.");
        }
        boolean webhooksAccepted = twilio.authToken() != null && base.publicBaseUrl() != null;
        Map<String, Object> smsStatus = new LinkedHashMap<>();
        smsStatus.put("sending", twilio.canSend());
        smsStatus.put("receiving", webhooksAccepted);
        smsStatus.put("from", twilio.from() == null ? null : PhoneNumbers.mask(twilio.from()));
        smsStatus.put("messagingService", twilio.messagingServiceSid() != null);
        smsStatus.put("webhooks", urls(SMS_WEBHOOKS));
        smsStatus.put("lastWebhook", webhooks.last("sms").orElse(null));
        smsStatus.put("outbox", sms.outbox());
        Map<String, Object> voiceStatus = new LinkedHashMap<>();
        voiceStatus.put("receiving", webhooksAccepted);
        voiceStatus.put("softphone", voice.softphoneConfigured());
        voiceStatus.put("webhooks", urls(VOICE_WEBHOOKS));
        voiceStatus.put("lastWebhook", webhooks.last("voice").orElse(null));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("publicBaseUrl", base.publicBaseUrl());
        all.put("sms", smsStatus);
        all.put("voice", voiceStatus);
        return all;
    }

    private List<String> urls(List<String> paths) {
        return paths.stream().map(p -> base.of(p) == null ? p : base.of(p)).toList();
    }
}
