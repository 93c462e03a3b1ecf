package org.huiying.routing.sla;

/** How a ticket stands against its SLA, as a supervisor's board shows it. */
public enum SlaState {
    /** Every open target is comfortably ahead. */
    OK,
    /** An open target has used up the warning share (default 75 %) of its time. */
    WARNING,
    /** A target passed without being met, or was met late. */
    BREACHED,
    /** The ticket is resolved and both targets were met in time. */
    MET
}
