package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaLinksTest {

    final MediaLinks links = new MediaLinks(new PrivacyProperties(null, null, null, List.of("media.example.cn")));

    @Test
    void twiliosHttpsMediaAndRecordingLinksAreKept() {
        assertThat(links.trusted("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")).isTrue();
        assertThat(links.trusted("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")).isTrue();
        assertThat(links.trusted("https://media.twiliocdn.twilio.com/x.jpg")).isTrue();
        assertThat(links.trusted("https://cdn.media.example.cn/photo.jpg")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://api.twilio.com/2010-04-01/Media/ME1",            // not https
        "https://api.twilio.com.evil.example/ME1",              // look-alike host
        "https://eviltwilio.com/ME1",                           // suffix without the dot
        "https://api.twilio.com@169.254.169.254/latest/meta-data", // user info
        "https://169.254.169.254/latest/meta-data/",            // metadata address
        "https://127.0.0.1/admin",
        "https://10.0.0.5/x", "https://192.168.1.1/x", "https://100.64.0.1/x",
        "https://[::1]/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
        "https://api.twilio.com:8443/ME1",                      // other port
        "file:///etc/passwd", "gopher://api.twilio.com/", "javascript:alert(1)",
        "https://xn--twilio-9za.com/x", "not a url", ""
    })
    void linksThatCouldReachOurNetworkOrAreNotTwiliosAreRefused(String url) {
        assertThat(links.trusted(url)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1",
        "100.127.255.255", "0.0.0.0", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"})
    void privateLoopbackLinkLocalCgnatAndMetadataAddressesArePrivate(String address) throws Exception {
        assertThat(MediaLinks.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "54.172.60.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(MediaLinks.isPrivate(InetAddress.getByName(address))).isFalse();
    }
}
