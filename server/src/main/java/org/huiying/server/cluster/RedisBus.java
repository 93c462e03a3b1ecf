package org.huiying.server.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes: an event is delivered here at once and published on one Redis channel for the
 * others. Each node skips its own echo. Redis being down costs other nodes their live pushes,
 * never this node's work: publishing happens on a thread of its own (in order, so a customer's
 * messages keep their order), a failed publish is logged, not thrown, and when Redis is so slow
 * that {@value #BACKLOG} events wait, further ones are dropped (clients catch up by seq and REST).
 */
@Component
@Profile("cluster")
class RedisBus implements ClusterBus, MessageListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);

    /** What travels: who sent it (to skip our own echo), the event's type and the event. */
    record Envelope(String origin, String type, JsonNode event) {
    }

    static final int BACKLOG = 10_000;

    private final String node = UUID.randomUUID().toString();
    private final ThreadPoolExecutor outgoing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(BACKLOG), r -> new Thread(r, "cluster-publish"),
            (task, executor) -> log.warn("Redis is not keeping up: a live event for the other nodes was dropped"));
    private final StringRedisTemplate redis;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final String channel;

    RedisBus(StringRedisTemplate redis, ApplicationEventPublisher events, JsonMapper json, ClusterProperties properties) {
        this.redis = redis;
        this.events = events;
        this.json = json;
        this.channel = properties.eventsChannel();
    }

    @Override
    public void publish(ClusterEvent event) {
        events.publishEvent(event);
        String message = json.writeValueAsString(new Envelope(node, event.getClass().getName(), json.valueToTree(event)));
        outgoing.execute(() -> {
            try {
                redis.convertAndSend(channel, message);
            } catch (RuntimeException e) {
                log.warn("Could not publish {} to the other nodes: {}", event.getClass().getSimpleName(), e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        outgoing.shutdown();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            Envelope envelope = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Envelope.class);
            if (node.equals(envelope.origin())) {
                return;
            }
            Class<?> type = Class.forName(envelope.type(), false, RedisBus.class.getClassLoader());
            if (!ClusterEvent.class.isAssignableFrom(type)) {
                log.warn("Ignored a cluster message of a type that is not a ClusterEvent: {}", envelope.type());
                return;
            }
            events.publishEvent(json.treeToValue(envelope.event(), type));
        } catch (ClassNotFoundException | RuntimeException e) {
            log.warn("Could not handle a cluster message: {}", e.toString());
        }
    }

    String channel() {
        return channel;
    }
}
