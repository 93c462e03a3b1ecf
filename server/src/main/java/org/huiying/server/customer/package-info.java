/**
 * The customer file: one customer across chat, SMS and phone, recognised by a verified phone number
 * (a chat proves its number with a one-time SMS code), their vehicles by VIN with warranty dates, and
 * merges of two records found to be one person (audited, reversible for 30 days). Tickets learn which
 * vehicle they are about through {@link org.huiying.server.ticket.VehicleDirectory}, implemented here.
 * Owns the tables {@code vehicle}, {@code phone_code} and {@code customer_merge}.
 */
package org.huiying.server.customer;
