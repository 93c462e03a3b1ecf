package org.huiying.server.escalation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.storage.RandomIds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells an R&D tracker (Jira, a ticket system) of every state change of an R&D escalation, when
 * {@code huiying.escalation.webhook-url} is set: the delivery is stored in the change's own transaction
 * and sent by the {@link WebhookWorker} once it is committed. Only the R&D queue goes out: the supervisors'
 * escalations may quote what a customer wrote, which has no business in an outside system.
 */
@Component
class EscalationWebhook {

    private final WebhookOutbox outbox;
    private final WebhookWorker worker;
    private final EscalationProperties properties;
    private final JsonMapper json;

    EscalationWebhook(WebhookOutbox outbox, WebhookWorker worker, EscalationProperties properties, JsonMapper json) {
        this.outbox = outbox;
        this.worker = worker;
        this.properties = properties;
        this.json = json;
    }

    void announce(EscalationView escalation, Instant at) {
        if (!properties.webhookEnabled() || !EscalationQueues.RND.equals(escalation.queue())) {
            return;
        }
        String id = RandomIds.id("wh");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "escalation." + escalation.status().toLowerCase(Locale.ROOT));
        body.put("deliveryId", id);
        body.put("at", at.toString());
        body.put("escalation", escalation);
        outbox.enqueue(id, escalation.id(), escalation.status(), json.writeValueAsString(body), at);
        AfterCommit.run(worker::wake);
    }
}
