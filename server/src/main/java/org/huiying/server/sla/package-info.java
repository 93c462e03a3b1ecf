/**
 * SLA policies from configuration ({@code huiying.sla.*}) and the state a ticket shows against them.
 */
package org.huiying.server.sla;
