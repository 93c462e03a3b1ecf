package org.huiying.server.cluster;

/**
 * Publishes an event to every node, this one included, as a Spring application event: listeners
 * take it with {@code @EventListener}. Call it after the change it reports is committed, so no node
 * acts on data it cannot read yet. Delivery to other nodes is at most once and best effort: live
 * pushes may be missed (clients resume by {@code seq}), the database never is.
 */
public interface ClusterBus {

    void publish(ClusterEvent event);
}
