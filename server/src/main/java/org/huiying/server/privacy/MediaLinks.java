package org.huiying.server.privacy;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which links to customers' photos and recordings (Twilio's MediaUrl, RecordingUrl) are kept. Nothing
 * here fetches them, but staff open them and a later feature may fetch them, so only links that cannot
 * point into our own network are stored: https, no user info, no port but 443, and a host that is
 * Twilio's ({@code twilio.com} and its subdomains) or in {@code huiying.privacy.media-hosts}. An address
 * literal (which could name a private range) is never trusted.
 */
@Component
public class MediaLinks {

    private static final List<String> TWILIO = List.of("twilio.com");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> hosts;

    MediaLinks(PrivacyProperties properties) {
        this.hosts = properties.mediaHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
    }

    public boolean trusted(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getHost() == null
                || (uri.getPort() != -1 && uri.getPort() != 443)) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches() || !host.equals(IDN.toASCII(host))) {
            return false;
        }
        return under(host, TWILIO) || under(host, hosts);
    }

    private static boolean under(String host, List<String> domains) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /**
     * Whether connecting to {@code address} could reach our own network or the cloud's metadata service:
     * loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10, the metadata
     * address included), CGNAT (100.64/10), IPv6 unique-local (fc00::/7), any-local and multicast. A
     * future fetcher resolves the host once, checks every address with this, and connects to that address.
     */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (b.length == 16) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique-local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
