package org.huiying.server.cluster;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** One node: the bus is the application's own event publisher. */
@Component
@Profile("!cluster")
class LocalBus implements ClusterBus {

    private final ApplicationEventPublisher events;

    LocalBus(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(ClusterEvent event) {
        events.publishEvent(event);
    }
}
