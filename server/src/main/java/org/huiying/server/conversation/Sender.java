package org.huiying.server.conversation;

import java.util.Locale;

/** Who wrote a message; shown to clients in lower case as {@code from}. */
public enum Sender {
    /** The customer; on a technician's question, the technician asking. */
    CUSTOMER, AGENT, SYSTEM,
    /** A service-station technician asking the experts. */
    TECHNICIAN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
