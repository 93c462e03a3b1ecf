package org.huiying.server.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.reports.*}.
 *
 * @param firstContactWindow a resolved ticket counts as resolved at first contact when the customer did not
 *                           come back (a new ticket, a follow-up, a repeat visit) within this long
 * @param checkEvery         how often the thresholds are checked and a finished month's report is looked for
 */
@ConfigurationProperties("huiying.reports")
record ReportProperties(Duration firstContactWindow, Duration checkEvery) {

    ReportProperties {
        firstContactWindow = firstContactWindow == null ? Duration.ofDays(7) : firstContactWindow;
        checkEvery = checkEvery == null ? Duration.ofMinutes(5) : checkEvery;
    }
}
