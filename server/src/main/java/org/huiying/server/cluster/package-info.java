/**
 * Several identical nodes behaving as one: a small event bus that carries live pushes to the node
 * holding the recipient's connection (in-process by default, Redis pub/sub under the {@code cluster}
 * profile), and a leadership lock so that exactly one node runs the cluster-wide timers.
 * PostgreSQL stays the source of truth; nothing here is needed to keep data correct, only live.
 */
package org.huiying.server.cluster;
