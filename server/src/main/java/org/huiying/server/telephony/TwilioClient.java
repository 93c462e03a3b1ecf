package org.huiying.server.telephony;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The SDK's REST client for the configured account, talking to {@code huiying.twilio.api-base-url}.
 * Empty when no account is configured (dry-run).
 */
@Component
public class TwilioClient {

    private final TwilioRestClient client;

    TwilioClient(TwilioProperties twilio) {
        this.client = twilio.canSend()
                ? new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                        .httpClient(new BaseUrlHttpClient(twilio.apiBaseUrl()))
                        .build()
                : null;
    }

    public Optional<TwilioRestClient> rest() {
        return Optional.ofNullable(client);
    }

    /**
     * Sends each request once to the configured base URL instead of {@code https://api.twilio.com}.
     * One attempt only: the SDK's own retry would repeat a POST on any 5xx after a blocking sleep,
     * and so would Apache's on 429/503; the outbox retries instead, with backoff, durably.
     */
    static final class BaseUrlHttpClient extends HttpClient {

        private static final String TWILIO_HOST = ".twilio.com";
        private final NetworkHttpClient network = new NetworkHttpClient(HttpClientBuilder.create()
                .useSystemProperties()
                // Apache's default would repeat a POST answered 429/503 after sleeping on this thread
                .disableAutomaticRetries()
                .setDefaultRequestConfig(DEFAULT_REQUEST_CONFIG)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(DEFAULT_SOCKET_CONFIG).setMaxConnPerRoute(10).setMaxConnTotal(20).build()));
        private final URI base;

        BaseUrlHttpClient(URI base) {
            this.base = base;
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            return network.makeRequest(TwilioProperties.TWILIO_API.equals(base) ? request : rebased(request));
        }

        private Request rebased(Request original) {
            URI url = URI.create(original.getUrl());
            if (url.getHost() == null || !url.getHost().endsWith(TWILIO_HOST)) {
                return original;
            }
            String target = base.toString().replaceAll("/+$", "") + url.getRawPath()
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            Request copy = new Request(original.getMethod(), target);
            if (original.getAuthStrategy() != null) {
                copy.setAuth(original.getAuthStrategy());
            }
            if (original.getUsername() != null) {
                copy.setAuth(original.getUsername(), original.getPassword());
            }
            original.getQueryParams().forEach((k, vs) -> vs.forEach(v -> copy.addQueryParam(k, v)));
            original.getPostParams().forEach((k, vs) -> vs.forEach(v -> copy.addPostParam(k, v)));
            original.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> copy.addHeaderParam(k, v)));
            copy.setContentType(original.getContentType());
            copy.setBody(original.getBody());
            copy.setUserAgentExtensions(original.getUserAgentExtensions());
            return copy;
        }
    }
}
