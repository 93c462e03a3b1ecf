package org.huiying.server.security;

/**
 * What token revocation asks of the staff accounts (the staff module answers): whether a token
 * issued at this version of the account still speaks for it. Declared here so security depends on
 * no feature; the owner of the staff table implements it.
 */
public interface TokenVersions {

    /** True while the account exists, is enabled, and its token version is still {@code version}. */
    boolean isCurrent(long staffId, int version);

    /**
     * Ends every token the account holds now: its version moves on, so access tokens already issued stop
     * working at once (a stolen refresh token was used; whoever holds the access tokens is suspect too).
     */
    void revokeAll(long staffId);
}
