package org.huiying.routing.sla;

/** The two moments a supervisor hears about: a target getting close, and a target missed. */
public enum SlaThreshold {
    WARNING, BREACH
}
