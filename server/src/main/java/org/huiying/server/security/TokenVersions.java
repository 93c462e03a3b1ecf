package org.huiying.server.security;

/**
 * What token revocation asks of the staff accounts (the staff module answers): whether a token
 * issued at this version of the account still speaks for it. Declared here so security depends on
 * no feature; the owner of the staff table implements it.
 */
public interface TokenVersions {

    /** True while the account exists, is enabled, and its token version is still {@code version}. */
    boolean isCurrent(long staffId, int version);
}
