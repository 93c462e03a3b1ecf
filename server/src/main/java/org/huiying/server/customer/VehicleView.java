package org.huiying.server.customer;

import java.time.Instant;
import java.time.LocalDate;

/** A vehicle as staff screens show it, with the status of both warranties on today's date. */
public record VehicleView(long id, long customerId, String vin, String model, LocalDate purchaseDate, LocalDate warrantyEnd,
                          LocalDate batteryWarrantyEnd, String dealer, String region, Vehicle.Warranty warranty,
                          Vehicle.Warranty batteryWarranty, Instant createdAt) {

    static VehicleView of(Vehicle v, LocalDate today) {
        return new VehicleView(v.id(), v.customerId(), v.vin(), v.model(), v.purchaseDate(), v.warrantyEnd(),
                v.batteryWarrantyEnd(), v.dealer(), v.region(), v.warranty(today), v.batteryWarranty(today), v.createdAt());
    }
}
