package org.huiying.server.report;

/**
 * How reports round, so every figure is reproducible by hand from its counts: rates 0–1 to three
 * decimals, percentages 0–100 to one, durations to whole seconds (half up); null when nothing was counted.
 */
final class Rates {

    private Rates() {
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static Long seconds(Double seconds) {
        return seconds == null ? null : Math.round(seconds);
    }

    static Long millisAsSeconds(Double millis) {
        return millis == null ? null : Math.round(millis / 1000);
    }
}
