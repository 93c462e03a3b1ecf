package org.huiying.server.cluster;

/**
 * An event every node should see. Implementations are records that Jackson can write and read;
 * only types marked with this interface are ever read back from the wire.
 */
public interface ClusterEvent {
}
