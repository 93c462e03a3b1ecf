package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "::1/128"));

    @Test
    void fromATrustedProxyTheCustomerIsTheRightMostUntrustedForwardedAddress() {
        assertThat(proxies.clientAddress("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.0.0.9")).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    }

    @Test
    void fromAnyoneElseTheHeaderIsIgnored() {
        assertThat(proxies.clientAddress("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(new TrustedProxies(List.of()).clientAddress("10.0.0.5", "198.51.100.1")).isEqualTo("10.0.0.5");
    }

    @Test
    void aMalformedOrHostNameHopIsNotBelieved() {
        assertThat(proxies.clientAddress("10.0.0.5", "evil.example.com")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", "")).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", "10.0.0.6, 10.0.0.7")).isEqualTo("10.0.0.5");
    }
}
