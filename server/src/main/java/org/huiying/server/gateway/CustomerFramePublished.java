package org.huiying.server.gateway;

import org.huiying.server.cluster.ClusterEvent;

/** A frame for a customer's open connections, on whichever node they are. */
public record CustomerFramePublished(String conversationId, String json) implements ClusterEvent {
}
