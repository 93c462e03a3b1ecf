package org.huiying.server.telephony.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What Twilio posts for an incoming SMS or MMS (the fields we use; the signature covered them all). */
record InboundSms(String messageSid, String from, String to, String body, List<Media> media, int refusedMedia) {

    record Media(String url, String contentType) {
    }

    static InboundSms of(Map<String, String> params) {
        int count = parseCount(params.get("NumMedia"));
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = params.get("MediaUrl" + i);
            if (url != null && !url.isBlank()) {
                media.add(new Media(url, params.get("MediaContentType" + i)));
            }
        }
        String sid = params.get("MessageSid") != null ? params.get("MessageSid") : params.get("SmsMessageSid");
        return new InboundSms(sid, params.get("From"), params.get("To"), params.getOrDefault("Body", ""), List.copyOf(media), 0);
    }

    /** Only the media whose links pass {@code trusted} stay; the others are counted and noted in the text, never stored. */
    InboundSms withTrustedMedia(java.util.function.Predicate<String> trusted) {
        List<Media> kept = media.stream().filter(m -> trusted.test(m.url())).toList();
        return new InboundSms(messageSid, from, to, body, kept, refusedMedia + media.size() - kept.size());
    }

    /** Twilio sends at most 10 media per message. */
    private static int parseCount(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The message text as stored: the body, then one line per media link, so every reader of the
     * conversation sees the photos without knowing about MMS.
     */
    String text() {
        StringBuilder text = new StringBuilder(body == null ? "" : body.strip());
        for (Media m : media) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(m.contentType() != null && m.contentType().startsWith("image/") ? "[图片] " : "[附件] ").append(m.url());
        }
        for (int i = 0; i < refusedMedia; i++) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("[附件链接来源不受信任，已丢弃]");
        }
        return text.isEmpty() ? "（空白短信）" : text.toString();
    }
}
