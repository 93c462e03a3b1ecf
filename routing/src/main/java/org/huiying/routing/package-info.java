/**
 * Routing and the SLA clock: ticket types and categories, classification, SLA policies and
 * agent selection. Plain Java, no Spring; collaborators arrive through constructors.
 */
package org.huiying.routing;
