package org.huiying.server.report;

import org.huiying.server.ticket.TicketTimes;

/** The tickets of one period (or day) and type, counted for the SLA and service reports. */
final class Tally {

    long opened;
    long firstResponseJudged;
    long firstResponseMet;
    long resolutionJudged;
    long resolutionMet;
    long breaches;
    long overTarget;
    long firstContact;
    final Durations firstResponse = new Durations();
    final Durations resolution = new Durations();

    void add(TicketTimes.Times t) {
        opened++;
        firstResponseJudged += t.firstResponseJudged() ? 1 : 0;
        firstResponseMet += t.firstResponseMet() ? 1 : 0;
        resolutionJudged += t.resolutionJudged() ? 1 : 0;
        resolutionMet += t.resolutionMet() ? 1 : 0;
        breaches += t.breached() ? 1 : 0;
        overTarget += t.overTarget() ? 1 : 0;
        firstContact += t.firstContact() ? 1 : 0;
        if (t.firstResponseMillis() >= 0) {
            firstResponse.add(t.firstResponseMillis());
        }
        if (t.resolutionMillis() >= 0) {
            resolution.add(t.resolutionMillis());
        }
    }

    void add(Tally o) {
        opened += o.opened;
        firstResponseJudged += o.firstResponseJudged;
        firstResponseMet += o.firstResponseMet;
        resolutionJudged += o.resolutionJudged;
        resolutionMet += o.resolutionMet;
        breaches += o.breaches;
        overTarget += o.overTarget;
        firstContact += o.firstContact;
        firstResponse.addAll(o.firstResponse);
        resolution.addAll(o.resolution);
    }
}
