package org.huiying.server.cluster;

/**
 * A STOMP message for a staff member ({@code user}, on {@code /user/...}) or a topic ({@code user} null).
 * {@code body} is the payload as rendered (on one node it is serialised once, by the broker); from
 * another node it arrives as the JSON it was sent as.
 */
public record StompMessagePublished(String user, String destination, Object body) implements ClusterEvent {
}
