package org.huiying.server.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.alerts.*}: the seeds' thresholds, each raised once as an escalation to the supervisors.
 *
 * @param csatWindow         CSAT is judged over the answers of this last stretch (ISO period, default P7D) …
 * @param csatMinAnswers     … once it holds this many (default 20); below {@code huiying.survey.target} it alerts
 * @param faultCodeRise      a model's fault code whose share of the model's questions this month rose by this
 *                           fraction over last month's (0.10: by a tenth) alerts, so parts are ordered ahead …
 * @param faultCodeMinQuestions … once this month has this many questions naming it (default 5)
 * @param reworkRate         a model whose repeat visits this month exceed this share of its complaints and
 *                           technical problems (0.05) alerts …
 * @param reworkMinVisits    … once the model has this many such visits in the month (default 20)
 * @param resolutionOverrun  an unresolved ticket whose clock runs this fraction of its resolution target
 *                           past its deadline (0.20) alerts
 */
@ConfigurationProperties("huiying.alerts")
record AlertProperties(java.time.Period csatWindow, Integer csatMinAnswers, Double faultCodeRise,
                       Integer faultCodeMinQuestions, Double reworkRate, Integer reworkMinVisits, Double resolutionOverrun) {

    AlertProperties {
        csatWindow = csatWindow == null ? java.time.Period.ofDays(7) : csatWindow;
        csatMinAnswers = csatMinAnswers == null ? 20 : csatMinAnswers;
        faultCodeRise = faultCodeRise == null ? 0.10 : faultCodeRise;
        faultCodeMinQuestions = faultCodeMinQuestions == null ? 5 : faultCodeMinQuestions;
        reworkRate = reworkRate == null ? 0.05 : reworkRate;
        reworkMinVisits = reworkMinVisits == null ? 20 : reworkMinVisits;
        resolutionOverrun = resolutionOverrun == null ? 0.20 : resolutionOverrun;
        if (csatWindow.isNegative() || csatWindow.isZero() || csatMinAnswers < 1 || faultCodeRise < 0 || faultCodeMinQuestions < 1
                || !(reworkRate >= 0 && reworkRate < 1) || reworkMinVisits < 1 || resolutionOverrun < 0) {
            throw new IllegalArgumentException("huiying.alerts: a window above zero, counts of at least 1, shares from 0");
        }
    }
}
