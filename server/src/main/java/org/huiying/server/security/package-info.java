/**
 * Who is calling: staff log in for a signed bearer token (JWT, HMAC key kept in the database so
 * every node and every restart accepts it); the same decoder guards REST and STOMP.
 */
package org.huiying.server.security;
