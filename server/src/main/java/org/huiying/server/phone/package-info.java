/**
 * Phone numbers in one spelling (E.164) and the spellings a stored number may have been written in,
 * shared by the telephony channel, privacy look-ups and customer identity. No table, no Spring.
 */
package org.huiying.server.phone;
