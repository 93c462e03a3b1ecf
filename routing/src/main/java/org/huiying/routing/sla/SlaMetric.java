package org.huiying.routing.sla;

/** The two promises of an SLA policy. */
public enum SlaMetric {
    /** The first staff reply on the customer's channel. */
    FIRST_RESPONSE,
    /** The ticket being resolved. */
    RESOLUTION
}
