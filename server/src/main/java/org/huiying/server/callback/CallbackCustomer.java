package org.huiying.server.callback;

/**
 * The customer of a callback as the caller's screen shows it: phone and name masked; {@code canReveal}
 * tells the page whether to offer the audited reveal.
 */
record CallbackCustomer(long customerId, String name, String phone, String vin, String model, boolean canReveal) {
}
