package org.huiying.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import org.junit.jupiter.api.Test;

class ScrubbedThrowableConverterTest {

    @Test
    void aPhoneNumberInAnExceptionMessageIsMaskedInTheStackTrace() {
        ScrubbedThrowableConverter converter = new ScrubbedThrowableConverter();
        converter.setContext(new LoggerContext());
        converter.start();
        LoggingEvent event = new LoggingEvent(getClass().getName(), new LoggerContext().getLogger("x"), Level.WARN, "failed",
                new IllegalStateException("duplicate key (phone)=(+8613812345678) for 客户"), null);

        String printed = converter.convert(event);

        assertThat(printed).contains("138****5678").contains("IllegalStateException").doesNotContain("13812345678");
    }

    @Test
    void theShippedLogConfigurationPrintsExceptionsThroughTheScrubber() throws Exception {
        LoggerContext context = new LoggerContext();
        URL config = getClass().getResource("/logback-spring.xml");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = (ch.qos.logback.core.OutputStreamAppender<?>) root.getAppender("CONSOLE");
        var encoder = (ch.qos.logback.classic.encoder.PatternLayoutEncoder) appender.getEncoder();
        PatternLayout layout = (PatternLayout) encoder.getLayout();

        String line = layout.doLayout(new LoggingEvent(getClass().getName(), root, Level.ERROR, "callback failed",
                new RuntimeException("Twilio refused +85291234567"), null));

        assertThat(line).contains("852****4567").doesNotContain("91234567").contains("callback failed");
        context.stop();
    }
}
