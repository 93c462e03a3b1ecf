package org.huiying.server.console;

/**
 * Who a ticket is for, as an agent's screen shows it: the phone masked ({@code 138****5678}), so the
 * full number never reaches the browser.
 */
record CustomerCard(String name, String phone, String vin, String model) {

    static CustomerCard of(String name, String phone, String vin, String model) {
        return new CustomerCard(name, mask(phone), vin, model);
    }

    /** Keeps the first three and last four digits; shorter numbers keep only their last two. */
    static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.startsWith("+86") ? phone.substring(3) : phone;
        if (p.length() >= 8) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }
}
