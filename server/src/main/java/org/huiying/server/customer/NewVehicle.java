package org.huiying.server.customer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.huiying.server.web.ApiException;

/** A vehicle as staff register it; {@link #validated} answers a bad field with a 400 naming it. */
record NewVehicle(String vin, String model, String purchaseDate, String warrantyEnd, String batteryWarrantyEnd,
                  String dealer, String region) {

    record Valid(String vin, String model, LocalDate purchaseDate, LocalDate warrantyEnd, LocalDate batteryWarrantyEnd,
                 String dealer, String region) {
    }

    Valid validated() {
        String v = Vin.valid(vin).orElseThrow(() -> ApiException.badRequest("invalid_vin",
                "vin: 17 characters (no I, O, Q) whose ninth is the check digit of the others (ISO 3779)"));
        LocalDate purchased = date(purchaseDate, "purchaseDate");
        LocalDate warranty = date(warrantyEnd, "warrantyEnd");
        LocalDate battery = date(batteryWarrantyEnd, "batteryWarrantyEnd");
        if (purchased != null && (warranty != null && warranty.isBefore(purchased) || battery != null && battery.isBefore(purchased))) {
            throw ApiException.badRequest("invalid_date", "A warranty cannot end before the purchase date.");
        }
        return new Valid(v, text(model, 64, "model"), purchased, warranty, battery, text(dealer, 100, "dealer"),
                text(region, 64, "region"));
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_date", field + ": a date like 2024-05-31");
        }
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiException.badRequest("invalid_" + field, field + ": at most " + max + " characters");
        }
        return v;
    }
}
