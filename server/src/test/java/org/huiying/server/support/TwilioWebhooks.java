package org.huiying.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Twilio calling our webhooks: form-encoded POSTs signed exactly as Twilio signs them
 * (HMAC-SHA1 with the auth token over the external URL followed by every parameter name and value,
 * sorted by name; Base64), sent to the server's internal address as a proxy would forward them.
 */
public final class TwilioWebhooks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String internalBase;
    private final String publicBase;
    private final String authToken;

    public TwilioWebhooks(String internalBase, String publicBase, String authToken) {
        this.internalBase = internalBase;
        this.publicBase = publicBase;
        this.authToken = authToken;
    }

    public record Response(int status, String contentType, String body) {
    }

    /** Signed for {@code publicBase + pathAndQuery}, as Twilio would for the URL configured with it. */
    public Response post(String pathAndQuery, Map<String, String> params) {
        return postSigned(pathAndQuery, params, sign(authToken, publicBase + pathAndQuery, params), Map.of());
    }

    /** Posts to the URL that {@code signedUrl} names (its path and query), signed for {@code signedUrl} itself. */
    public Response postTo(String signedUrl, Map<String, String> params) {
        URI uri = URI.create(signedUrl);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return postSigned(pathAndQuery, params, sign(authToken, signedUrl, params), Map.of());
    }

    public Response postSigned(String pathAndQuery, Map<String, String> params, String signature, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(internalBase + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(encode(params)));
        if (signature != null) {
            b.header("X-Twilio-Signature", signature);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Twilio's documented algorithm, written out independently of the SDK that checks it. */
    public static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
