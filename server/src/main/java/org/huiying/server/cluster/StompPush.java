package org.huiying.server.cluster;

import tools.jackson.databind.JsonNode;

/** A STOMP message for a staff member ({@code user}, on {@code /user/...}) or a topic ({@code user} null). */
public record StompPush(String user, String destination, JsonNode body) implements ClusterEvent {
}
