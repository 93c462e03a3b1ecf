/**
 * The agent desk's live channel: STOMP over Spring WebSocket at {@code /ws/agent}. Staff
 * authenticate on the CONNECT frame with their bearer token; assignments and customer messages
 * are pushed to {@code /user/queue/*} of the staff member they concern.
 */
package org.huiying.server.agentdesk;
