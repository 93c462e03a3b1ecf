/**
 * Small concurrency tools shared by features: a timing wheel for deadlines, a token bucket for
 * rates, a batching loop for single-writer threads. Plain Java, no Spring, no feature.
 */
package org.huiying.server.concurrent;
