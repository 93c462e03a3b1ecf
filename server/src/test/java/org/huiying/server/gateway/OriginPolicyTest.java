package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void byDefaultTheGatewaysOwnHostOnAnyPortAndLocalhostAreAllowed() {
        OriginPolicy policy = new OriginPolicy(List.of());
        assertThat(policy.allows("https://chat.example.com", "chat.example.com:8081")).isTrue();
        assertThat(policy.allows("http://chat.example.com:8080", "chat.example.com:8081")).isTrue();
        assertThat(policy.allows("http://localhost:5173", "chat.example.com:8081")).isTrue();
        assertThat(policy.allows("http://127.0.0.1:8080", "chat.example.com")).isTrue();
        assertThat(policy.allows("http://[::1]:8080", "chat.example.com")).isTrue();
    }

    @Test
    void byDefaultOtherSitesLookalikesAndOpaqueOriginsAreRefused() {
        OriginPolicy policy = new OriginPolicy(List.of());
        assertThat(policy.allows("https://evil.example", "chat.example.com:8081")).isFalse();
        assertThat(policy.allows("https://chat.example.com.evil.example", "chat.example.com:8081")).isFalse();
        assertThat(policy.allows("null", "chat.example.com:8081")).isFalse();
        assertThat(policy.allows("file:///tmp/x.html", "chat.example.com:8081")).isFalse();
        assertThat(policy.allows("not a url", "chat.example.com:8081")).isFalse();
    }

    @Test
    void aConfiguredListReplacesTheDefaultAndTakesPatterns() {
        OriginPolicy policy = new OriginPolicy(List.of("https://shop.example.com", "https://*.dealer.example.com"));
        assertThat(policy.allows("https://shop.example.com", "gw.example.com")).isTrue();
        assertThat(policy.allows("https://bj.dealer.example.com", "gw.example.com")).isTrue();
        assertThat(policy.allows("http://shop.example.com", "gw.example.com")).isFalse();
        assertThat(policy.allows("http://localhost:5173", "gw.example.com")).isFalse();
        assertThat(policy.allows("https://gw.example.com", "gw.example.com")).isFalse();
    }

    @Test
    void aClientThatSendsNoOriginIsNotABrowserAndIsLeftToTheTokenCheck() {
        assertThat(new OriginPolicy(List.of("https://shop.example.com")).allows(null, "gw.example.com")).isTrue();
    }
}
