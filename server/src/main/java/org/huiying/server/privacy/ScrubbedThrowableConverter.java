package org.huiying.server.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Stack traces as Spring Boot prints them, through the same scrubber as logged texts: an exception's
 * message can carry what a customer typed or their phone number (a refused value, a constraint
 * violation quoting a row), and it reaches the log by a path no caller masks. Registered as
 * {@code %safeEx} in {@code logback-spring.xml}.
 */
public class ScrubbedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogSafe.text(super.convert(event));
    }
}
