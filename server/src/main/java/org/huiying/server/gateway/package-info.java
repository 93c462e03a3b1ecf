/**
 * The customer gateway: a Netty WebSocket server on its own port ({@code /ws/chat}). Customers on
 * mobile networks connect, drop and reconnect often; every message is stored before its ack, and
 * {@code resume} replays what a reconnecting client missed.
 */
package org.huiying.server.gateway;
