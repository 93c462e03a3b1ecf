package org.huiying.server.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A customer's vehicle: the VIN (validated), model and the dates its warranties run to. */
public record Vehicle(long id, long customerId, String vin, String model, LocalDate purchaseDate, LocalDate warrantyEnd,
                      LocalDate batteryWarrantyEnd, String dealer, String region, Instant createdAt) {

    /** Whether a warranty that ends on {@code end} still covers the car on {@code today}. */
    public enum Warranty {
        IN_WARRANTY, EXPIRED, UNKNOWN;

        static Warranty of(LocalDate end, LocalDate today) {
            if (end == null) {
                return UNKNOWN;
            }
            return today.isAfter(end) ? EXPIRED : IN_WARRANTY;
        }
    }

    public Warranty warranty(LocalDate today) {
        return Warranty.of(warrantyEnd, today);
    }

    public Warranty batteryWarranty(LocalDate today) {
        return Warranty.of(batteryWarrantyEnd, today);
    }
}
