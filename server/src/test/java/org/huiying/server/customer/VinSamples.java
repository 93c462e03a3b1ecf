package org.huiying.server.customer;

/** Valid VINs for tests in other packages: the check digit of a VIN as {@link Vin} computes it. */
public final class VinSamples {

    private VinSamples() {
    }

    public static char checkDigit(String vin) {
        return Vin.checkDigit(vin);
    }

    /** {@code vin} with its ninth character replaced by the right check digit. */
    public static String valid(String vin) {
        return vin.substring(0, 8) + Vin.checkDigit(vin) + vin.substring(9);
    }
}
