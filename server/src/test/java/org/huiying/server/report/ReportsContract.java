package org.huiying.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Exactness: a known month of tickets (November 2026 in Shanghai) is lived through on a moved clock —
 * answered in time and late, paused, resolved while waiting, surveyed, called back, followed up,
 * reopened, a repeat visit, experts answering in and out of their five minutes, two complaints left
 * open — and every number of every report is asserted against the figures worked out by hand below.
 * Subclasses choose the database.
 *
 * <pre>
 * ticket  type          opened  first response        resolved (pauses out)   afterwards
 * C1      COMPLAINT     11-02 09:00  10:00 (1 h, met)  11-03 10:00 (21 h, met) paused 10:30–14:30; CSAT 5; callback FIXED
 * C2      INQUIRY       11-02 10:00  12:00 (2 h, late) 11-02 16:00 (6 h, met)  CSAT 2 → follow-up F2; callback REACHED
 * F2      COMPLAINT     11-02 16:10  never             never                   open past both targets
 * C3      APPOINTMENT   11-05 09:00  09:45 (late)      11:00 (2 h)             CSAT 4; callback NOT_FIXED → F3
 * F3      APPOINTMENT   11-08 11:30  11:40             12:00                   survey unanswered; callback open
 * C4      INQUIRY       11-09 09:00  09:20             10:00                   CSAT 5; callback NO_ANSWER; reopened by R4
 * T5      TECH_SUPPORT  11-10 14:00  14:03 (3 min)     14:30                   汉EV P0AA6
 * R4      INQUIRY       11-12 09:00  09:30             12:00                   repeat visit of C4 (秦PLUS)
 * T6      TECH_SUPPORT  11-16 14:00  14:08 (8 min)     15:00                   汉EV P0AA6, U0100
 * C8      INQUIRY       11-20 09:00  09:10             15:20 while paused since 09:20 (20 min)
 * C7      COMPLAINT     11-28 09:00  never             never                   open past both targets
 * (October: one expert question about 汉EV naming U0100.)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String MONTH = "from=2026-11-01&to=2026-11-30";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    protected final TestClock clock = new TestClock(local("2026-10-20T09:00"));
    protected RunningServer server;
    protected Api api;
    protected String admin;
    protected String agent;
    protected String expert;
    protected String technician;
    protected String supervisor;
    private final AtomicInteger cmids = new AtomicInteger();
    private final Set<String> knownTickets = new HashSet<>();
    private final List<ChatClient> chats = new ArrayList<>();
    protected final Map<String, String> ids = new java.util.HashMap<>();

    protected abstract RunningServer newServer(Path dataDir, String... args);

    record Customer(String conversationId, ChatClient chat) {
    }

    @BeforeAll
    void liveThroughNovember() {
        server = newServer(dataDir, "--huiying.reports.check-every=PT0.05S", "--huiying.routing.sweep-every=PT0.05S",
                "--huiying.survey.sweep-every=PT0.05S", "--huiying.sla.sweep-every=PT0.05S",
                "--huiying.routing.answer-within=P30D", "--huiying.alerts.csat-min-answers=3",
                "--huiying.alerts.fault-code-min-questions=2", "--huiying.alerts.rework-min-visits=2")
                .withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
        api.createStaff(admin, "rp.agent", "AGENT", 50, "charging", "battery", "body-electronics", "appointment", "complaint", "general");
        agent = api.loginStaff("rp.agent");
        api.createStaff(admin, "rp.expert", "EXPERT", 50, "high-voltage", "battery", "electronic-control");
        expert = api.loginStaff("rp.expert");
        api.createStaff(admin, "rp.tech", "TECHNICIAN", 1);
        technician = api.loginStaff("rp.tech");
        api.createStaff(admin, "rp.boss", "SUPERVISOR", 1);
        supervisor = api.loginStaff("rp.boss");
        online(agent);
        online(expert);

        // October: the month before, for month-over-month figures
        String t0 = ask("U0100 报警，请指导", List.of("U0100"));
        at("2026-10-20T09:02");
        reply(t0, expert);
        at("2026-10-20T09:30");
        assertThat(api.post("/api/tech-questions/" + t0 + "/close", technician, "").status()).isEqualTo(200);

        at("2026-11-02T09:00");
        Customer c1 = customer("陈先生", null);
        String first = open(c1, "投诉：充电桩充不进电");
        ids.put("C1", first);
        assign(first, vehicle(first, 1001, "汉EV", "华东", "上海浦东店"));
        at("2026-11-02T10:00");
        reply(first, agent);
        Customer c2 = customer("王女士", "海豹");
        ids.put("C2", open(c2, "车机黑屏了"));
        at("2026-11-02T10:30");
        assertThat(api.post("/api/tickets/" + first + "/wait-customer", agent, "").status()).isEqualTo(200);
        at("2026-11-02T12:00");
        reply(ids.get("C2"), agent);
        at("2026-11-02T14:30");
        c1.chat().sendMessage(cmid(), "好的，充电桩是家里的交流桩");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ticket(first).path("sla").path("paused").asBoolean());
        at("2026-11-02T16:00");
        resolve(ids.get("C2"));
        awaitSurvey(c2);
        at("2026-11-02T16:10");
        rate(c2, 2);
        ids.put("F2", newTicketOf(c2));
        at("2026-11-03T10:00");
        resolve(first);
        awaitSurvey(c1);
        at("2026-11-03T10:05");
        rate(c1, 5);

        at("2026-11-05T09:00");
        awaitAlert("RESOLUTION_OVERRUN", 1);
        Customer c3 = customer("赵先生", null);
        ids.put("C3", open(c3, "想预约保养"));
        at("2026-11-05T09:45");
        reply(ids.get("C3"), agent);
        at("2026-11-05T11:00");
        resolve(ids.get("C3"));
        awaitSurvey(c3);
        at("2026-11-05T11:05");
        rate(c3, 4);
        awaitAlert("CSAT_BELOW_TARGET", 1);
        at("2026-11-05T16:30");
        callback(ids.get("C2"), "REACHED");
        at("2026-11-06T10:30");
        callback(first, "FIXED");
        at("2026-11-08T11:30");
        callback(ids.get("C3"), "NOT_FIXED");
        ids.put("F3", newTicketOf(c3));
        at("2026-11-08T11:40");
        reply(ids.get("F3"), agent);
        at("2026-11-08T12:00");
        resolve(ids.get("F3"));
        awaitSurvey(c3);

        at("2026-11-09T09:00");
        Customer c4 = customer("陈女士", null);
        ids.put("C4", open(c4, "电池续航掉电快"));
        assign(ids.get("C4"), vehicle(ids.get("C4"), 1004, "秦PLUS", "华南", "广州天河店"));
        at("2026-11-09T09:20");
        reply(ids.get("C4"), agent);
        at("2026-11-09T10:00");
        resolve(ids.get("C4"));
        awaitSurvey(c4);
        at("2026-11-09T10:05");
        rate(c4, 5);

        at("2026-11-10T14:00");
        ids.put("T5", ask("高压互锁报警，无法上电", List.of("P0AA6")));
        at("2026-11-10T14:03");
        reply(ids.get("T5"), expert);
        at("2026-11-10T14:30");
        assertThat(api.post("/api/tech-questions/" + ids.get("T5") + "/close", technician, "").status()).isEqualTo(200);

        at("2026-11-12T09:00");
        c4.chat().sendMessage(cmid(), "续航还是掉得快");
        ids.put("R4", newTicketOf(c4));
        assertThat(ticket(ids.get("R4")).path("reworkOf").asString()).isEqualTo(ids.get("C4"));
        awaitAlert("REWORK_RATE_HIGH", 1);
        at("2026-11-12T09:30");
        reply(ids.get("R4"), agent);
        at("2026-11-12T10:30");
        callback(ids.get("C4"), "NO_ANSWER");
        at("2026-11-12T12:00");
        resolve(ids.get("R4"));
        awaitSurvey(c4);

        at("2026-11-16T14:00");
        ids.put("T6", ask("高压互锁报警，通讯故障", List.of("P0AA6", "U0100")));
        awaitAlert("FAULT_CODE_RISING", 1);
        at("2026-11-16T14:08");
        reply(ids.get("T6"), expert);
        at("2026-11-16T15:00");
        assertThat(api.post("/api/tech-questions/" + ids.get("T6") + "/close", technician, "").status()).isEqualTo(200);

        at("2026-11-20T09:00");
        Customer c8 = customer("孙先生", null);
        ids.put("C8", open(c8, "咨询一下保险怎么买"));
        at("2026-11-20T09:10");
        reply(ids.get("C8"), agent);
        at("2026-11-20T09:20");
        assertThat(api.post("/api/tickets/" + ids.get("C8") + "/wait-customer", agent, "").status()).isEqualTo(200);
        at("2026-11-20T15:20");
        resolve(ids.get("C8"));
        awaitSurvey(c8);

        at("2026-11-28T09:00");
        Customer c7 = customer("周女士", null);
        ids.put("C7", open(c7, "投诉：客服态度差"));
        at("2026-11-30T20:00");
        awaitAlert("RESOLUTION_OVERRUN", 2);

        at("2026-12-01T00:10");
        await().atMost(Duration.ofSeconds(20)).until(() -> monthly("2026-11").path("kept").asBoolean());
    }

    @AfterAll
    void stop() {
        chats.forEach(ChatClient::close);
        if (server != null) {
            server.close();
        }
    }

    // --- the reports --------------------------------------------------------------------------------

    @Test
    void slaComplianceOfTheMonthCountsEveryTargetThatCameDueAndExcludesPausedTime() {
        JsonNode report = get("/api/reports/sla?" + MONTH + "&groupBy=month");
        assertThat(report.get("groupBy").asString()).isEqualTo("month");
        JsonNode rows = report.get("rows");
        assertThat(rows.valueStream().map(r -> r.get("type").asString()).toList())
                .containsExactly("APPOINTMENT", "COMPLAINT", "INQUIRY", "TECH_SUPPORT", "ALL");
        assertSla(row(rows, "COMPLAINT"), "2026-11", 3, 33.3, 33.3, 3600, 3600, 75600, 75600, 2, 2, 3, 3);
        assertSla(row(rows, "INQUIRY"), "2026-11", 4, 75.0, 100.0, 1500, 5580, 7200, 18360, 1, 0, 4, 4);
        assertSla(row(rows, "APPOINTMENT"), "2026-11", 2, 50.0, 100.0, 1650, 2490, 4500, 6660, 1, 0, 2, 2);
        assertSla(row(rows, "TECH_SUPPORT"), "2026-11", 2, 50.0, 100.0, 330, 450, 2700, 3420, 1, 0, 2, 2);
        assertSla(row(rows, "ALL"), "2026-11", 11, 54.5, 81.8, 1200, 4320, 3600, 32400, 5, 2, 11, 11);
    }

    @Test
    void slaByDayAndWeekCutTheMonthAtMidnightInShanghai() {
        JsonNode days = get("/api/reports/sla?" + MONTH + "&groupBy=day").get("rows");
        List<String> allDays = days.valueStream().filter(r -> r.get("type").asString().equals("ALL"))
                .map(r -> r.get("period").asString() + "=" + r.get("opened").asLong()).toList();
        assertThat(allDays).containsExactly("2026-11-02=3", "2026-11-05=1", "2026-11-08=1", "2026-11-09=1", "2026-11-10=1",
                "2026-11-12=1", "2026-11-16=1", "2026-11-20=1", "2026-11-28=1");
        JsonNode second = days.valueStream().filter(r -> r.get("period").asString().equals("2026-11-02")
                && r.get("type").asString().equals("ALL")).findFirst().orElseThrow();
        assertSla(second, "2026-11-02", 3, 33.3, 66.7, 5400, 6840, 48600, 70200, 2, 1, 3, 3);
        JsonNode c8Day = days.valueStream().filter(r -> r.get("period").asString().equals("2026-11-20")
                && r.get("type").asString().equals("INQUIRY")).findFirst().orElseThrow();
        assertThat(c8Day.get("medianResolutionSeconds").asLong()).as("6 h of waiting on the customer taken out").isEqualTo(1200);

        JsonNode weeks = get("/api/reports/sla?" + MONTH + "&groupBy=week&type=COMPLAINT").get("rows");
        assertThat(weeks.valueStream().map(r -> r.get("period").asString() + "=" + r.get("opened").asLong()).toList())
                .containsExactly("2026-W45=2", "2026-W48=1");
        assertThat(weeks.valueStream().map(r -> r.get("type").asString()).distinct().toList()).containsExactly("COMPLAINT");
    }

    @Test
    void serviceFiguresOfTheMonthFromTicketsSurveysAndCallbacks() {
        JsonNode report = get("/api/reports/service?" + MONTH + "&groupBy=month");
        assertThat(report.get("csatTarget").asDouble()).isEqualTo(0.9);
        assertThat(report.get("expertTargetSeconds").asLong()).isEqualTo(300);
        JsonNode total = report.get("total");
        assertService(total, 0.333, 14133, 0.667, 0.571, 0.75, 0.429, 0.333, 0.5);
        assertThat(total.get("csatMeetsTarget").asBoolean()).isFalse();
        assertThat(total.get("selfServiceRate").isNull()).isTrue();
        JsonNode counts = total.get("counts");
        assertThat(counts.get("complaintsOpened").asLong()).isEqualTo(3);
        assertThat(counts.get("complaintsResolved").asLong()).isEqualTo(1);
        assertThat(counts.get("resolved").asLong()).isEqualTo(9);
        assertThat(counts.get("handlingSeconds").asDouble()).isEqualTo(127200.0);
        assertThat(counts.get("firstContactResolved").asLong()).isEqualTo(6);
        assertThat(counts.get("surveysSent").asLong()).isEqualTo(7);
        assertThat(counts.get("surveysAnswered").asLong()).isEqualTo(4);
        assertThat(counts.get("csatResponses").asLong()).isEqualTo(4);
        assertThat(counts.get("csatSatisfied").asLong()).isEqualTo(3);
        assertThat(counts.get("callbacksDue").asLong()).isEqualTo(7);
        assertThat(counts.get("callbacksCompleted").asLong()).isEqualTo(3);
        assertThat(counts.get("callbacksFixed").asLong()).isEqualTo(1);
        assertThat(counts.get("expertAnswered").asLong()).isEqualTo(2);
        assertThat(counts.get("expertWithinTarget").asLong()).isEqualTo(1);
        assertThat(report.get("periods")).hasSize(1);
        assertThat(report.get("periods").get(0).get("period").asString()).isEqualTo("2026-11");

        JsonNode days = get("/api/reports/service?" + MONTH + "&groupBy=day").get("periods");
        assertThat(days).hasSize(30);
        JsonNode second = days.get(1);
        assertThat(second.get("period").asString()).isEqualTo("2026-11-02");
        assertService(second, 0.5, 48600, 0.5, 1.0, 0.0, null, null, null);
        JsonNode fifth = days.get(4);
        assertThat(fifth.get("csat").asDouble()).isEqualTo(1.0);
        assertThat(fifth.get("counts").get("callbacksDue").asLong()).as("C2's callback fell due on the 5th").isEqualTo(1);
        assertThat(days.get(0).get("csat").isNull()).isTrue();
    }

    @Test
    void problemsByModelRegionAndDealerAgainstTheMonthBefore() {
        JsonNode report = get("/api/reports/problems?month=2026-11");
        assertThat(report.get("previousMonth").asString()).isEqualTo("2026-10");
        JsonNode models = report.get("models");
        assertThat(models.valueStream().map(m -> m.get("model").isNull() ? "?" : m.get("model").asString()).toList())
                .containsExactly("?", "汉EV", "海豹", "秦PLUS");
        JsonNode han = models.get(1);
        assertThat(han.get("tickets").asLong()).isEqualTo(3);
        assertThat(han.get("previousTickets").asLong()).isEqualTo(1);
        assertThat(han.get("categories").get(0).get("category").asString()).isEqualTo("TECHNICAL");
        assertThat(han.get("categories").get(0).get("tickets").asLong()).isEqualTo(3);
        assertThat(han.get("categories").get(0).get("previousTickets").asLong()).isEqualTo(1);
        assertThat(han.get("reworkRate").asDouble()).isEqualTo(0.0);
        assertThat(han.get("previousReworkRate").asDouble()).isEqualTo(0.0);
        JsonNode qin = models.get(3);
        assertThat(qin.get("tickets").asLong()).isEqualTo(2);
        assertThat(qin.get("reworkEligible").asLong()).isEqualTo(2);
        assertThat(qin.get("reworks").asLong()).isEqualTo(1);
        assertThat(qin.get("reworkRate").asDouble()).isEqualTo(0.5);
        assertThat(qin.get("previousReworkRate").isNull()).isTrue();
        JsonNode unknown = models.get(0);
        assertThat(unknown.get("tickets").asLong()).isEqualTo(4);
        assertThat(unknown.get("categories").valueStream()
                .map(c -> (c.get("category").isNull() ? "NONE" : c.get("category").asString()) + "=" + c.get("tickets").asLong()).toList())
                .containsExactly("NONE=3", "ATTITUDE=1");
        assertThat(unknown.get("reworkEligible").asLong()).isEqualTo(1);

        JsonNode codes = report.get("faultCodes");
        assertThat(codes).hasSize(2);
        assertThat(codes.get(0).get("code").asString()).isEqualTo("P0AA6");
        assertThat(codes.get(0).get("model").asString()).isEqualTo("汉EV");
        assertThat(codes.get(0).get("questions").asLong()).isEqualTo(2);
        assertThat(codes.get(0).get("modelQuestions").asLong()).isEqualTo(2);
        assertThat(codes.get(0).get("share").asDouble()).isEqualTo(1.0);
        assertThat(codes.get(0).get("previousShare").asDouble()).isEqualTo(0.0);
        assertThat(codes.get(0).get("shareChange").isNull()).isTrue();
        assertThat(codes.get(1).get("code").asString()).isEqualTo("U0100");
        assertThat(codes.get(1).get("share").asDouble()).isEqualTo(0.5);
        assertThat(codes.get(1).get("previousShare").asDouble()).isEqualTo(1.0);
        assertThat(codes.get(1).get("shareChange").asDouble()).isEqualTo(-0.5);

        assertThat(places(report.get("regions"))).containsExactly("华南 2/0 1/2 0.5", "华东 1/0 0/1 0.0");
        assertThat(places(report.get("dealers"))).containsExactly("广州天河店 2/0 1/2 0.5", "上海浦东店 1/0 0/1 0.0");
    }

    @Test
    void thresholdAlertsWereRaisedOnceEachAndPushedAsEscalations() {
        JsonNode escalations = api.get("/api/escalations?since=2026-10-01T00:00:00Z", supervisor).body();
        Map<String, Long> kinds = escalations.valueStream().collect(java.util.stream.Collectors.groupingBy(
                e -> e.get("kind").asString(), java.util.stream.Collectors.counting()));
        assertThat(kinds).containsEntry("CSAT_BELOW_TARGET", 1L).containsEntry("REWORK_RATE_HIGH", 1L)
                .containsEntry("FAULT_CODE_RISING", 1L).containsEntry("RESOLUTION_OVERRUN", 2L);
        assertThat(escalation(escalations, "CSAT_BELOW_TARGET").get("subject").asString()).contains("66.7%", "90%");
        assertThat(tickets(escalation(escalations, "CSAT_BELOW_TARGET"))).containsExactly(ids.get("C2"));
        assertThat(tickets(escalation(escalations, "REWORK_RATE_HIGH"))).containsExactly(ids.get("R4"));
        assertThat(escalation(escalations, "REWORK_RATE_HIGH").get("subject").asString()).contains("秦PLUS", "50.0%");
        assertThat(tickets(escalation(escalations, "FAULT_CODE_RISING"))).containsExactly(ids.get("T5"), ids.get("T6"));
        assertThat(escalation(escalations, "FAULT_CODE_RISING").get("subject").asString()).contains("汉EV", "P0AA6");
        assertThat(escalations.valueStream().filter(e -> e.get("kind").asString().equals("RESOLUTION_OVERRUN"))
                .flatMap(e -> tickets(e).stream()).toList()).containsExactlyInAnyOrder(ids.get("F2"), ids.get("C7"));
    }

    @Test
    void theMonthlyReportWasKeptOnTheFirstAndHoldsEveryReport() {
        JsonNode monthly = monthly("2026-11");
        assertThat(monthly.get("kept").asBoolean()).isTrue();
        assertThat(Instant.parse(monthly.get("generatedAt").asString())).isEqualTo(local("2026-12-01T00:10"));
        assertThat(Instant.parse(monthly.get("from").asString())).isEqualTo(local("2026-11-01T00:00"));
        assertThat(Instant.parse(monthly.get("to").asString())).isEqualTo(local("2026-12-01T00:00"));
        assertSla(row(monthly.get("sla"), "ALL"), "2026-11", 11, 54.5, 81.8, 1200, 4320, 3600, 32400, 5, 2, 11, 11);
        assertThat(monthly.get("slaDaily")).hasSize(9);
        assertService(monthly.get("service"), 0.333, 14133, 0.667, 0.571, 0.75, 0.429, 0.333, 0.5);
        assertThat(monthly.get("service").get("period").asString()).isEqualTo("2026-11");
        assertThat(monthly.get("serviceDaily")).hasSize(30);
        assertThat(monthly.get("problems").get("models").get(3).get("reworkRate").asDouble()).isEqualTo(0.5);
        assertThat(monthly.get("alerts").valueStream().map(a -> a.get("kind").asString()).toList()).containsExactly(
                "RESOLUTION_OVERRUN", "CSAT_BELOW_TARGET", "REWORK_RATE_HIGH", "FAULT_CODE_RISING", "RESOLUTION_OVERRUN");

        // kept means kept: a late survey answer about November changes the live reports, not the kept one
        JsonNode again = monthly("2026-11");
        assertThat(again.get("generatedAt").asString()).isEqualTo(monthly.get("generatedAt").asString());
    }

    /**
     * The figures above came partly from kept days: every November day whose tickets are all settled is kept
     * (not the 2nd and the 28th, each with a complaint still open, nor the 30th, over less than an hour).
     */
    @Test
    void finishedDaysAreKeptOnceTheirTicketsAreSettled() {
        List<Instant> kept = server.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                        SELECT day_start FROM report_day WHERE ticket_type = '*' AND day_start >= ? AND day_start < ? ORDER BY day_start""")
                .params(java.sql.Timestamp.from(local("2026-11-01T00:00")), java.sql.Timestamp.from(local("2026-12-01T00:00")))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        assertThat(kept).hasSize(27).doesNotContain(local("2026-11-02T00:00"), local("2026-11-28T00:00"), local("2026-11-30T00:00"));
    }

    @Test
    void theMonthlyReportDownloadsAsCsvAndXlsxWithTheSameFigures() throws Exception {
        HttpResponse<byte[]> csv = download("/api/reports/monthly?month=2026-11&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("huiying-monthly-report-2026-11.csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(text.lines().toList()).contains(
                "投诉结案率,0.333,1 / 3 件投诉",
                "平均处理时长（秒）,14133,9 件已解决工单，扣除等待客户时间",
                "满意度（CSAT）,0.75,3 / 4 份评价为 4–5 分",
                "满意度目标,0.9,未达标",
                "回访完成率,0.429,3 / 7 个到期回访",
                "全部,11,54.5,81.8,1200,4320,3600,32400,5,2",
                "投诉,3,33.3,33.3,3600,3600,75600,75600,2,2",
                "秦PLUS,2,0,2,0,0,0,2,1,0.5,",
                "汉EV,P0AA6,2,2,1,0,0,");

        HttpResponse<byte[]> xlsx = download("/api/reports/monthly?month=2026-11&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet overview = book.getSheet("概览");
            assertThat(overview.getRow(4).getCell(0).getStringCellValue()).isEqualTo("投诉结案率");
            assertThat(overview.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(0.333);
            assertThat(overview.getRow(8).getCell(0).getStringCellValue()).isEqualTo("满意度（CSAT）");
            assertThat(overview.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(0.75);
            Sheet sla = book.getSheet("SLA 达标（按类型）");
            assertThat(sla.getRow(5).getCell(0).getStringCellValue()).isEqualTo("全部");
            assertThat(sla.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(54.5);
            assertThat(sla.getRow(5).getCell(7).getNumericCellValue()).isEqualTo(32400);
            Sheet models = book.getSheet("车型问题与返修");
            assertThat(models.getRow(4).getCell(0).getStringCellValue()).isEqualTo("秦PLUS");
            assertThat(models.getRow(4).getCell(9).getNumericCellValue()).isEqualTo(0.5);
            assertThat(book.getSheet("阈值预警").getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void badRangesGroupingsTypesMonthsAndFormatsAre400AndOthersThanSupervisorsAre403() {
        assertError("/api/reports/sla?from=2026-11-30&to=2026-11-01", 400, "invalid_range");
        assertError("/api/reports/sla?from=2025-01-01&to=2026-11-30", 400, "range_too_long");
        assertError("/api/reports/sla?" + MONTH + "&groupBy=hour", 400, "invalid_group_by");
        assertError("/api/reports/sla?" + MONTH + "&type=REPAIR", 400, "invalid_type");
        assertError("/api/reports/sla?from=yesterday", 400, "bad_parameter");
        assertError("/api/reports/service?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", 400, "invalid_range");
        assertError("/api/reports/service?from=2025-10-26&to=2026-11-30", 400, "range_too_long");
        assertError("/api/reports/service?groupBy=year", 400, "invalid_group_by");
        assertError("/api/reports/problems?month=2026-13", 400, "invalid_month");
        assertError("/api/reports/problems?month=2027-01", 400, "invalid_month");
        assertError("/api/reports/monthly?month=2027-01", 400, "invalid_month");
        assertError("/api/reports/monthly?month=2026-11&format=pdf", 400, "invalid_format");
        assertThat(api.get("/api/reports/sla?from=2025-10-27&to=2026-11-30", supervisor).status()).as("400 days is allowed").isEqualTo(200);
        for (String path : List.of("/api/reports/sla", "/api/reports/service", "/api/reports/problems", "/api/reports/monthly")) {
            assertThat(api.get(path, agent).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void existingCsatReportJudgesAgainstTheConfiguredTarget() {
        JsonNode csat = get("/api/reports/csat?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z");
        assertThat(csat.get("responses").asLong()).isEqualTo(4);
        assertThat(csat.get("csat").asDouble()).isEqualTo(0.75);
        assertThat(csat.get("target").asDouble()).isEqualTo(0.9);
        assertThat(csat.get("meetsTarget").asBoolean()).isFalse();
    }

    // --- assertions ---------------------------------------------------------------------------------

    static void assertSla(JsonNode row, String period, long opened, Double frPct, Double resPct, long frMedian, long frP90,
                          long resMedian, long resP90, long breaches, long overTarget, long frJudged, long resJudged) {
        assertThat(row.get("period").asString()).isEqualTo(period);
        assertThat(row.get("opened").asLong()).as("opened").isEqualTo(opened);
        assertThat(row.get("firstResponseMetPct").asDouble()).as("firstResponseMetPct").isEqualTo(frPct);
        assertThat(row.get("resolutionMetPct").asDouble()).as("resolutionMetPct").isEqualTo(resPct);
        assertThat(row.get("medianFirstResponseSeconds").asLong()).as("medianFirstResponseSeconds").isEqualTo(frMedian);
        assertThat(row.get("p90FirstResponseSeconds").asLong()).as("p90FirstResponseSeconds").isEqualTo(frP90);
        assertThat(row.get("medianResolutionSeconds").asLong()).as("medianResolutionSeconds").isEqualTo(resMedian);
        assertThat(row.get("p90ResolutionSeconds").asLong()).as("p90ResolutionSeconds").isEqualTo(resP90);
        assertThat(row.get("breaches").asLong()).as("breaches").isEqualTo(breaches);
        assertThat(row.get("openOverTarget").asLong()).as("openOverTarget").isEqualTo(overTarget);
        assertThat(row.get("firstResponseJudged").asLong()).as("firstResponseJudged").isEqualTo(frJudged);
        assertThat(row.get("resolutionJudged").asLong()).as("resolutionJudged").isEqualTo(resJudged);
    }

    static void assertService(JsonNode f, Double closure, long handling, Double fcr, Double response, Double csat,
                              Double callbacks, Double fixed, Double expert) {
        assertRate(f, "closureRate", closure);
        assertThat(f.get("averageHandlingSeconds").asLong()).as("averageHandlingSeconds").isEqualTo(handling);
        assertRate(f, "firstContactResolution", fcr);
        assertRate(f, "surveyResponseRate", response);
        assertRate(f, "csat", csat);
        assertRate(f, "callbackCompletionRate", callbacks);
        assertRate(f, "fixedShare", fixed);
        assertRate(f, "expertWithinTarget", expert);
        assertThat(f.get("csatTarget").asDouble()).isEqualTo(0.9);
    }

    private static void assertRate(JsonNode f, String field, Double expected) {
        if (expected == null) {
            assertThat(f.get(field).isNull()).as(field + " is null").isTrue();
        } else {
            assertThat(f.get(field).asDouble()).as(field).isCloseTo(expected, within(1e-9));
        }
    }

    private void assertError(String path, int status, String code) {
        Api.Response r = api.get(path, supervisor);
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(path).isEqualTo(code);
    }

    static JsonNode row(JsonNode rows, String type) {
        return rows.valueStream().filter(r -> r.get("type").asString().equals(type)).findFirst().orElseThrow();
    }

    static List<String> places(JsonNode places) {
        return places.valueStream().map(p -> p.get("place").asString() + " " + p.get("tickets").asLong() + "/"
                + p.get("previousTickets").asLong() + " " + p.get("reworks").asLong() + "/" + p.get("reworkEligible").asLong() + " "
                + p.get("reworkRate").asDouble()).toList();
    }

    static JsonNode escalation(JsonNode escalations, String kind) {
        return escalations.valueStream().filter(e -> e.get("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    static List<String> tickets(JsonNode escalation) {
        return escalation.get("ticketIds").valueStream().map(JsonNode::asString).toList();
    }

    // --- living through the month -------------------------------------------------------------------

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    /** Moves the clock forward to {@code dateTime} in Shanghai. */
    void at(String dateTime) {
        Duration step = Duration.between(clock.instant(), local(dateTime));
        assertThat(step.isNegative()).as("the clock only moves forward: " + dateTime).isFalse();
        clock.advance(step);
    }

    JsonNode get(String path) {
        Api.Response r = api.get(path, supervisor);
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
        return r.body();
    }

    JsonNode monthly(String month) {
        return get("/api/reports/monthly?month=" + month);
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + supervisor).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    void online(String token) {
        assertThat(api.put("/api/staff/me/presence", token, Map.of("status", "ONLINE")).status()).isEqualTo(200);
    }

    String cmid() {
        return "m" + cmids.incrementAndGet();
    }

    Customer customer(String name, String model) {
        Api.Response session = api.post("/api/chat/sessions", null, model == null ? Map.of("name", name) : Map.of("name", name, "model", model));
        assertThat(session.status()).isEqualTo(201);
        ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")));
        chats.add(chat);
        return new Customer(session.text("conversationId"), chat);
    }

    /** The customer writes; the ticket it opens, once assigned. */
    String open(Customer customer, String text) {
        customer.chat().sendMessage(cmid(), text);
        return newTicketOf(customer);
    }

    /** A ticket of the customer's conversation not seen before, once someone holds it. */
    String newTicketOf(Customer customer) {
        String id = await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/tickets", supervisor).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(customer.conversationId()))
                .map(t -> t.get("id").asString()).filter(t -> !knownTickets.contains(t)).findFirst().orElse(null), t -> t != null);
        knownTickets.add(id);
        awaitAssigned(id);
        return id;
    }

    String ask(String text, List<String> codes) {
        Api.Response asked = api.post("/api/tech-questions", technician, Map.of("vin", "LSVAU2180N2183294", "model", "汉EV",
                "dtcCodes", codes, "mileage", 86000, "text", text));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        String id = asked.body().path("ticket").get("id").asString();
        awaitAssigned(id);
        return id;
    }

    void awaitAssigned(String ticketId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ticket(ticketId).path("status").asString().equals("ASSIGNED"));
    }

    JsonNode ticket(String id) {
        return api.get("/api/tickets/" + id, supervisor).body();
    }

    /** Registers a vehicle for the ticket's customer; its id. */
    long vehicle(String ticketId, int serial, String model, String region, String dealer) {
        long customer = api.get("/api/console/tickets/" + ticketId + "/customer", agent).body().get("customerId").asLong();
        Api.Response added = api.post("/api/customers/" + customer + "/vehicles", agent,
                Map.of("vin", vin(serial), "model", model, "region", region, "dealer", dealer));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.body().get("id").asLong();
    }

    void assign(String ticketId, long vehicleId) {
        Api.Response named = api.patch("/api/tickets/" + ticketId, agent, Map.of("vehicleId", vehicleId));
        assertThat(named.status()).as(named.raw()).isEqualTo(200);
    }

    /** A VIN whose ninth character is the ISO 3779 check digit of the others. */
    static String vin(int serial) {
        String base = String.format("LGXCE4CB0P%07d", serial);
        int[] letters = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = base.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : letters["ABCDEFGHJKLMNPRSTUVWXYZ".indexOf(c)];
            sum += v * weights[i];
        }
        int check = sum % 11;
        return base.substring(0, 8) + (check == 10 ? "X" : Integer.toString(check)) + base.substring(9);
    }

    void reply(String ticketId, String token) {
        Api.Response r = api.post("/api/tickets/" + ticketId + "/messages", token, Map.of("text", "您好，我们正在为您处理。"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    void resolve(String ticketId) {
        Api.Response r = api.post("/api/tickets/" + ticketId + "/resolve", agent, "");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    void awaitSurvey(Customer customer) {
        customer.chat().await(f -> f.path("from").asString().equals("system") && f.path("text").asString().contains("请为本次服务打分"));
    }

    void rate(Customer customer, int score) {
        customer.chat().sendJson(Map.of("type", "rating", "score", score));
        customer.chat().await(f -> f.path("from").asString().equals("system")
                && (f.path("text").asString().contains("感谢") || f.path("text").asString().contains("抱歉")));
    }

    void callback(String ticketId, String outcome) {
        String id = api.get("/api/callbacks?status=OPEN", supervisor).body().valueStream()
                .filter(c -> c.get("ticketId").asString().equals(ticketId)).findFirst().orElseThrow().get("id").asString();
        Api.Response r = api.post("/api/callbacks/" + id + "/result", supervisor, Map.of("outcome", outcome, "note", "已回访"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    void awaitAlert(String kind, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/escalations?since=2026-10-01T00:00:00Z", supervisor).body()
                .valueStream().filter(e -> e.get("kind").asString().equals(kind)).count() == count);
    }
}
