/**
 * The SLA monitor: on the leading node it follows every running ticket clock (read through the
 * ticket module's {@link org.huiying.routing.sla.SlaMonitor.Store}) and announces each warning and
 * breach once ({@link org.huiying.server.sla.SlaCrossed}). The clocks themselves, their policies and
 * their history belong to the ticket module.
 */
package org.huiying.server.sla;
