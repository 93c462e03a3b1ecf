package org.huiying.server.conversation;

import java.util.Locale;

/** Who wrote a message; shown to clients in lower case as {@code from}. */
public enum Sender {
    CUSTOMER, AGENT, SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
