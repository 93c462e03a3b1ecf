package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void phoneNumbersInsideATextAreMasked() {
        assertThat(LogSafe.text("The 'To' number +8613912345678 is not a valid phone number."))
                .isEqualTo("The 'To' number 139****5678 is not a valid phone number.");
        assertThat(LogSafe.text("to 13912345678, 15005550006 refused")).isEqualTo("to 139****5678, 150****0006 refused");
    }

    @Test
    void datesIdsAndShortNumbersStayReadable() {
        assertThat(LogSafe.text("HTTP 400 code 21211 at 2026-11-23T10:00:00Z for SM0123456789abcdef"))
                .isEqualTo("HTTP 400 code 21211 at 2026-11-23T10:00:00Z for SM0123456789abcdef");
        assertThat(LogSafe.text(null)).isNull();
    }
}
