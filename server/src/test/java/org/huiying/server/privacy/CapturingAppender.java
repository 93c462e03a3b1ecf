package org.huiying.server.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every log event of the server the test started, from the very first line (named in privacy-capture-logback.xml). */
public final class CapturingAppender extends AppenderBase<ILoggingEvent> {

    private static final ConcurrentLinkedQueue<ILoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        EVENTS.add(event);
    }

    /** Each event at INFO or above as a log file would show it: logger, message with its arguments, stack trace. */
    static List<String> infoAndAbove() {
        return EVENTS.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
    }

    static int size() {
        return EVENTS.size();
    }

    static void clear() {
        EVENTS.clear();
    }
}
