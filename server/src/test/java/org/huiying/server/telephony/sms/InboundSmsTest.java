package org.huiying.server.telephony.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundSmsTest {

    @Test
    void mediaFromUntrustedLinksIsDroppedAndNotedNotStored() {
        InboundSms sms = InboundSms.of(Map.of("MessageSid", "SM1", "From", "+8613812345678", "Body", "看照片",
                "NumMedia", "2", "MediaUrl0", "https://api.twilio.com/Media/ME1", "MediaContentType0", "image/jpeg",
                "MediaUrl1", "https://169.254.169.254/latest/meta-data/", "MediaContentType1", "image/jpeg"));

        InboundSms kept = sms.withTrustedMedia(url -> url.startsWith("https://api.twilio.com/"));

        assertThat(kept.media()).extracting(InboundSms.Media::url).containsExactly("https://api.twilio.com/Media/ME1");
        assertThat(kept.text()).contains("[图片] https://api.twilio.com/Media/ME1").contains("[附件链接来源不受信任，已丢弃]")
                .doesNotContain("169.254");
    }
}
