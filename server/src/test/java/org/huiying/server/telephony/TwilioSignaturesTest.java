package org.huiying.server.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.Test;

/** The SDK's validator against Twilio's documented signing, as {@link TwilioSignatures} applies it. */
class TwilioSignaturesTest {

    private static final String TOKEN = "12345";
    private final TwilioSignatures signatures = new TwilioSignatures(
            new TwilioProperties("AC123", TOKEN, "+15005550006", null, null, null), new PublicBaseUrl("https://Mycompany.com/"), new WebhookLog(java.time.Clock.systemUTC()));

    private static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("CallSid", "CA1234567890ABCDE");
        p.put("Caller", "+14158675310");
        p.put("Digits", "1234");
        p.put("From", "+14158675310");
        p.put("To", "+18005551212");
        return p;
    }

    @Test
    void acceptsTheExampleFromTwiliosSecurityDocumentation() {
        // Twilio's published signature-validation sample: this token, URL and these parameters sign to this value
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioWebhooks.sign(TOKEN, url, params())).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(signatures.valid("/myapp.php?foo=1&bar=2", params(), "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
    }

    @Test
    void coversEveryPostedParameterNotAFixedList() {
        Map<String, String> withExtra = params();
        withExtra.put("AddOns", "{\"status\":\"successful\"}");
        String signature = TwilioWebhooks.sign(TOKEN, "https://mycompany.com/twilio/sms", withExtra);

        assertThat(signatures.valid("/twilio/sms", withExtra, signature)).isTrue();
        assertThat(signatures.valid("/twilio/sms", params(), signature)).isFalse();
    }

    @Test
    void refusesSignaturesForAnotherUrlOrTokenAndMissingOnes() {
        String forInternal = TwilioWebhooks.sign(TOKEN, "http://127.0.0.1:8080/twilio/sms", params());
        String otherToken = TwilioWebhooks.sign("54321", "https://mycompany.com/twilio/sms", params());

        assertThat(signatures.valid("/twilio/sms", params(), forInternal)).isFalse();
        assertThat(signatures.valid("/twilio/sms", params(), otherToken)).isFalse();
        assertThat(signatures.valid("/twilio/sms", params(), null)).isFalse();
        assertThat(signatures.valid("/twilio/sms", params(), "")).isFalse();
    }

    @Test
    void refusesEverythingWithoutAnAuthTokenOrPublicUrl() {
        String signature = TwilioWebhooks.sign(TOKEN, "https://mycompany.com/twilio/sms", params());
        TwilioSignatures noToken = new TwilioSignatures(new TwilioProperties(null, null, null, null, null, null),
                new PublicBaseUrl("https://mycompany.com"), new WebhookLog(java.time.Clock.systemUTC()));
        TwilioSignatures noUrl = new TwilioSignatures(new TwilioProperties("AC123", TOKEN, null, null, null, null),
                new PublicBaseUrl(null), new WebhookLog(java.time.Clock.systemUTC()));

        assertThat(noToken.valid("/twilio/sms", params(), signature)).isFalse();
        assertThat(noUrl.valid("/twilio/sms", params(), signature)).isFalse();
    }
}
