package org.huiying.server.gateway;

import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which peers may say who the customer is ({@code huiying.gateway.trusted-proxies}, CIDRs). Behind a
 * proxy every customer's socket comes from the proxy's address, so the per-address limits would count
 * them all as one; from a trusted proxy the customer is the right-most address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. From anyone else the header is ignored:
 * a customer cannot pick an address to escape their own limits.
 */
final class TrustedProxies {

    private final List<IpAddressMatcher> proxies;

    TrustedProxies(List<String> cidrs) {
        this.proxies = cidrs.stream().map(String::strip).filter(c -> !c.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    /** The customer's address: {@code peer} itself unless it is a trusted proxy that forwarded one. */
    String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || !looksLikeAnAddress(hop)) {
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /** Digits, hex, dots and colons only: never a host name, which would be looked up. */
    private static boolean looksLikeAnAddress(String hop) {
        return hop.length() <= 45 && hop.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
