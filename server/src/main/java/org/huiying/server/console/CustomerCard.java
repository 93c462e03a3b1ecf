package org.huiying.server.console;

import org.huiying.server.privacy.Masking;

/**
 * Who a ticket is for, as an agent's screen shows it: phone and name masked ({@code 138****5678},
 * {@code 王*}), so the full values never reach the browser unless revealed (audited) by someone allowed
 * to. {@code canReveal} tells the page whether to offer the reveal button.
 */
record CustomerCard(long customerId, String name, String phone, String vin, String model, boolean revealed,
                    boolean canReveal) {

    static CustomerCard masked(long customerId, String name, String phone, String vin, String model, boolean canReveal) {
        return new CustomerCard(customerId, Masking.name(name), Masking.phone(phone), vin, model, false, canReveal);
    }
}
