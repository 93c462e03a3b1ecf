package org.huiying.server.escalation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huiying.server.privacy.LogSafe;
import org.huiying.server.storage.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook's outbox: each due row is claimed (compare-and-set, with a lease) before it is sent
 * and its outcome recorded after, each in a statement of its own, never holding a transaction across the
 * network. A 2xx answer delivers it; anything else is tried again after a growing delay, and given up
 * after the last attempt. Every delivery carries its id ({@code X-Huiying-Delivery}): an attempt whose
 * answer was lost is sent again, and the receiver drops the repeat by that id.
 */
@Component
class WebhookWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final int BATCH = 20;
    /** A claim lasts the attempt's timeout and some: after it, the row is due again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhookOutbox outbox;
    private final EscalationProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "escalation-webhook");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    WebhookWorker(WebhookOutbox outbox, EscalationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.webhookEnabled()) {
            long every = properties.webhookPollEvery().toMillis();
            thread.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs a pass soon; calls while one is pending fold into it. */
    void wake() {
        if (properties.webhookEnabled() && pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    runDue();
                } catch (RuntimeException e) {
                    log.warn("Escalation webhook pass failed; deliveries stay in the outbox for the next pass", e);
                }
            });
        }
    }

    /** Sends what is due now; stops at the first failure (the receiver is down: the rest waits). */
    void runDue() {
        for (WebhookOutbox.Delivery d : outbox.due(now(), BATCH)) {
            Instant now = now();
            if (!outbox.claim(d, now, now.plus(properties.webhookTimeout()).plus(LEASE_MARGIN))) {
                continue;
            }
            if (!send(d, d.attempts() + 1)) {
                return;
            }
        }
    }

    private boolean send(WebhookOutbox.Delivery d, int attempt) {
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Huiying-Webhook/1")
                .header("X-Huiying-Event", "escalation." + d.escalationStatus().toLowerCase(java.util.Locale.ROOT))
                .header("X-Huiying-Delivery", d.id())
                .header(WebhookSignature.HEADER, WebhookSignature.of(properties.webhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String error;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(d.id(), now());
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return false; // the claim runs out and the row is due again, on this node's next start or another node
        }
        if (attempt >= properties.webhookMaxAttempts()) {
            log.warn("Escalation webhook delivery {} ({} of {}) given up after {} attempts: {}", d.id(),
                    d.escalationStatus(), d.escalationId(), attempt, LogSafe.text(error));
            outbox.failed(d.id(), error);
        } else {
            outbox.retryLater(d.id(), now().plus(backoff(attempt)), error);
        }
        return false;
    }

    /** First retry after {@code webhook-first-retry}, then doubling, never more than {@code webhook-max-retry} apart. */
    Duration backoff(int attempt) {
        Duration delay = properties.webhookFirstRetry().multipliedBy(1L << Math.min(attempt - 1, 30));
        return delay.compareTo(properties.webhookMaxRetry()) > 0 || delay.isNegative() ? properties.webhookMaxRetry() : delay;
    }

    private Instant now() {
        return Timestamps.now(clock);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
