package org.huiying.server.telephony;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huiying.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: over the external URL
 * ({@code huiying.public-base-url} + path + query) and every posted parameter, whatever Twilio
 * chose to send. The request's own Host and X-Forwarded-* headers are never trusted.
 */
@Component
public class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(TwilioSignatures.class);

    private final RequestValidator validator;
    private final PublicBaseUrl base;
    private final WebhookLog seen;

    TwilioSignatures(TwilioProperties twilio, PublicBaseUrl base, WebhookLog seen) {
        this.seen = seen;
        this.validator = twilio.authToken() == null ? null : new RequestValidator(twilio.authToken());
        this.base = base;
        if (validator == null || base.publicBaseUrl() == null) {
            log.warn("Twilio webhooks will be refused: set huiying.twilio.auth-token and huiying.public-base-url");
        }
    }

    /** The posted parameters of a request Twilio signed; a 403 (and nothing else happens) if it did not sign it. */
    public Map<String, String> verifiedParameters(HttpServletRequest request) {
        Map<String, String> posted = postedParameters(request);
        String signature = request.getHeader(HEADER);
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        boolean valid = valid(pathAndQuery, posted, signature);
        seen.record(request.getRequestURI(), valid);
        if (!valid) {
            throw new ApiException(HttpStatus.FORBIDDEN, "invalid_signature",
                    "X-Twilio-Signature is missing or does not match this request.");
        }
        return posted;
    }

    boolean valid(String pathAndQuery, Map<String, String> posted, String signature) {
        String url = base.of(pathAndQuery);
        if (validator == null || url == null || signature == null || signature.isBlank()) {
            return false;
        }
        for (String candidate : spellings(url)) {
            if (validator.validate(candidate, posted, signature)) {
                return true;
            }
        }
        return false;
    }

    /** The URL as configured, and with its host in lower case: host names are case-insensitive. */
    private static Set<String> spellings(String url) {
        Set<String> all = new LinkedHashSet<>();
        all.add(url);
        URI uri = URI.create(url);
        if (uri.getHost() != null) {
            String host = uri.getRawAuthority();
            all.add(url.replaceFirst(Pattern.quote(host), host.toLowerCase(Locale.ROOT)));
        }
        return all;
    }

    /** Form parameters from the body only: the servlet API merges in the query string, which is part of the URL instead. */
    private static Map<String, String> postedParameters(HttpServletRequest request) {
        Set<String> fromQuery = new HashSet<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                fromQuery.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> posted = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!fromQuery.contains(name) && values.length > 0) {
                posted.put(name, values[0]);
            }
        });
        return posted;
    }
}
