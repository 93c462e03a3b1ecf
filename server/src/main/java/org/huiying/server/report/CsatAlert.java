package org.huiying.server.report;

import java.time.Instant;
import java.time.ZoneId;
import org.huiying.server.survey.SurveyFigures;
import org.springframework.stereotype.Component;

/**
 * CSAT over the last {@code huiying.alerts.csat-window} (with at least {@code csat-min-answers} answers)
 * below {@code huiying.survey.target}: raised once when it falls below, again only after it came back.
 * The escalation lists the dissatisfied customers' tickets of the window.
 */
@Component
class CsatAlert {

    static final String KEY = "csat";
    private static final int MOST_TICKETS = 50;

    private final SurveyFigures surveys;
    private final ReportAlerts alerts;
    private final AlertProperties properties;

    CsatAlert(SurveyFigures surveys, ReportAlerts alerts, AlertProperties properties) {
        this.surveys = surveys;
        this.alerts = alerts;
        this.properties = properties;
    }

    void check(Instant now, ZoneId zone) {
        Instant from = now.atZone(zone).minus(properties.csatWindow()).toInstant();
        SurveyFigures.Window window = surveys.window(from, now, MOST_TICKETS);
        if (window.responses() < properties.csatMinAnswers()) {
            return; // too few answers to judge: the alert stays as it is
        }
        double target = surveys.target();
        // a hair below the product, so a satisfied count exactly on target never reads as below it through rounding
        if (window.satisfied() < target * window.responses() - 1e-9) {
            String subject = String.format("近 %d 天满意度 %.1f%%，低于目标 %.0f%%（%d 份评价，%d 份满意）",
                    java.time.Duration.between(from, now).toDays(),
                    window.satisfied() * 100.0 / window.responses(), target * 100, window.responses(), window.satisfied());
            alerts.raise(KEY, ReportAlerts.CSAT, subject, window::dissatisfiedTickets);
        } else {
            alerts.clear(KEY);
        }
    }
}
