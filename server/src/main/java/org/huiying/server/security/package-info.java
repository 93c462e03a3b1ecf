/**
 * Who is calling and what they may see. Staff log in for a short-lived signed bearer token (JWT,
 * validated by Spring Security's resource server and checked against the account's token version,
 * so a password change revokes it) and a single-use refresh token; the HMAC key is configured or
 * kept in the database so every node and every restart accepts it. The same decoder guards REST
 * and STOMP. Under {@code /api/**} nothing is reachable that does not state who may call it: a
 * {@code @PreAuthorize} rule (or {@link org.huiying.server.security.AnyStaff}) or
 * {@link org.huiying.server.security.PublicEndpoint}, checked before the request is read.
 * {@link org.huiying.server.security.RecordAccess} checks single records, answering 404 for
 * what the caller may not see; the rule itself is the ticket module's, asked through
 * {@link org.huiying.server.security.RecordVisibility}, and token revocation asks the staff module
 * through {@link org.huiying.server.security.TokenVersions}: security depends on no feature.
 */
package org.huiying.server.security;
