package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;

/**
 * The service manager on the 1st of the month, in a real browser: the dashboard shows last month's SLA
 * compliance, CSAT against its 90 % target and the models with the most repeat visits, charts them, and
 * hands over the month's report — printable, and as an Excel file — with no script error under the CSP.
 */
class ReportsConsoleIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(local("2026-11-10T09:00"));
    RunningServer server;
    Browser browser;
    Api api;
    String agent;
    int cmid;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.reports.check-every=PT0.05S", "--huiying.routing.sweep-every=PT0.05S",
                "--huiying.survey.sweep-every=PT0.05S", "--huiying.routing.answer-within=P30D").withClock(clock).start();
        api = server.api();
        String admin = api.adminToken();
        api.createStaff(admin, "zhu.guan", "SUPERVISOR", 1);
        api.createStaff(admin, "wang.fang", "AGENT", 20, "battery", "charging", "complaint");
        agent = api.loginStaff("wang.fang");
        assertThat(api.put("/api/staff/me/presence", agent, Map.of("status", "ONLINE")).status()).isEqualTo(200);
        browser = Browser.open("http://127.0.0.1:" + server.httpPort());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onTheFirstTheManagerReadsLastMonthsNumbersAndTakesTheReport() {
        liveThroughNovember();
        at("2026-12-01T08:30");
        String boss = api.loginStaff("zhu.guan");
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/reports/monthly?month=2026-11", boss).body().path("kept").asBoolean());
        JsonNode sla = api.get("/api/reports/sla?from=2026-11-01&to=2026-11-30&groupBy=day", boss).body();
        JsonNode service = api.get("/api/reports/service?from=2026-11-01&to=2026-11-30&groupBy=day", boss).body();

        browser.login("zhu.guan", "password-zhu.guan");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.byTestId("reports");
        org.openqa.selenium.support.ui.Select period = new org.openqa.selenium.support.ui.Select(browser.byTestId("report-period"));
        period.selectByValue("lastMonth");
        browser.until(d -> browser.byTestId("report-range").getText().startsWith("2026-11-01 至 2026-11-30"));

        long met = sla.get("rows").valueStream().filter(r -> r.get("type").asString().equals("ALL"))
                .mapToLong(r -> r.get("firstResponseMet").asLong()).sum();
        long judged = sla.get("rows").valueStream().filter(r -> r.get("type").asString().equals("ALL"))
                .mapToLong(r -> r.get("firstResponseJudged").asLong()).sum();
        assertThat(judged).as("the low score's follow-up complaint, never answered, counts too").isEqualTo(5);
        assertThat(met).isEqualTo(3);
        assertThat(kpi("firstResponse")).contains("60%", "3 / 5");
        assertThat(service.get("total").get("csat").asDouble()).isEqualTo(0.667);
        assertThat(kpi("csat")).contains("66.7%", "目标 90%", "2 / 3");
        assertThat(browser.byTestId("report-kpis").findElement(org.openqa.selenium.By.cssSelector("[data-kpi='csat']"))
                .getDomAttribute("class")).contains("bad");
        browser.until(d -> !browser.allByTestId("report-rework-row").isEmpty());
        WebElement firstRework = browser.allByTestId("report-rework-row").get(0);
        assertThat(firstRework.getDomAttribute("data-model")).isEqualTo("秦PLUS");
        assertThat(firstRework.getText()).contains("50%");
        for (String chart : List.of("chart-compliance", "chart-csat", "chart-models")) {
            browser.until(d -> Boolean.TRUE.equals(browser.script("return !!window.Chart.getChart(arguments[0]);", browser.byTestId(chart))));
        }
        Object targetLine = browser.script("return window.Chart.getChart(arguments[0]).data.datasets[1].data[0];", browser.byTestId("chart-csat"));
        assertThat(((Number) targetLine).doubleValue()).isEqualTo(90.0);

        new org.openqa.selenium.support.ui.Select(browser.byTestId("report-type")).selectByValue("COMPLAINT");
        browser.until(d -> browser.allByTestId("report-sla-type").stream().allMatch(r -> "COMPLAINT".equals(r.getDomAttribute("data-type"))));

        assertThat(browser.byTestId("monthly-month").getDomProperty("value")).isEqualTo("2026-11");
        browser.until(d -> browser.byTestId("monthly-summary").getText().contains("已存档"));
        assertThat(browser.byTestId("monthly-summary").getText()).contains("2026-11", "首次响应达标 60%", "满意度 66.7%（目标 90%）",
                "返修最多：秦PLUS 1 次（50%）");
        browser.byTestId("monthly-xlsx").click();
        browser.until(d -> "回应服务报告-2026-11.xlsx".equals(browser.script("return document.body.dataset.downloaded;")));

        browser.go("/dashboard/monthly.html?month=2026-11");
        browser.until(d -> "2026-11".equals(d.findElement(org.openqa.selenium.By.tagName("body")).getDomAttribute("data-month")));
        assertThat(browser.byTestId("monthly-page").getText()).contains("回应客服中心 · 月度服务报告 2026-11", "已存档");
        WebElement csat = browser.allByTestId("monthly-figure").stream()
                .filter(f -> "满意度（CSAT）".equals(f.getDomAttribute("data-figure"))).findFirst().orElseThrow();
        assertThat(csat.getText()).contains("66.7%", "2 / 3", "目标 90%");
        assertThat(browser.allByTestId("monthly-sla-row").stream().map(r -> r.getDomAttribute("data-type")).toList()).contains("ALL");
        assertThat(browser.allByTestId("monthly-model").stream().map(r -> r.getDomAttribute("data-model")).toList()).contains("秦PLUS");
        for (String chart : List.of("monthly-chart-sla", "monthly-chart-csat", "monthly-chart-models")) {
            browser.until(d -> Boolean.TRUE.equals(browser.script("return !!window.Chart.getChart(arguments[0]);", browser.byTestId(chart))));
        }
        browser.screenshot("monthly-report");
        List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("the pages' console errors").isEmpty();
    }

    String kpi(String name) {
        return browser.until(d -> d.findElements(Browser.testId("report-kpi")).stream()
                .filter(k -> name.equals(k.getDomAttribute("data-kpi"))).map(WebElement::getText).findFirst().orElse(null));
    }

    /**
     * November: a complaint answered in time and resolved (rated 5), an inquiry answered late (rated 2: its
     * follow-up complaint stays unanswered), and a customer of a 秦PLUS (rated 4) coming back about the same
     * battery problem (a repeat visit, answered in time).
     */
    void liveThroughNovember() {
        ChatClient first = customer();
        String complaint = open(first, "投诉：充电桩充不进电");
        at("2026-11-10T09:30");
        reply(complaint);
        at("2026-11-10T10:00");
        resolve(complaint);
        rate(first, 5);

        at("2026-11-12T09:00");
        ChatClient second = customer();
        String inquiry = open(second, "车机黑屏了");
        at("2026-11-12T11:00");
        reply(inquiry);
        resolve(inquiry);
        rate(second, 2);

        at("2026-11-14T09:00");
        ChatClient third = customer();
        String battery = open(third, "电池续航掉电快");
        long customer = api.get("/api/console/tickets/" + battery + "/customer", agent).body().get("customerId").asLong();
        long vehicle = api.post("/api/customers/" + customer + "/vehicles", agent,
                Map.of("vin", "LGXCE4CB0P0001004", "model", "秦PLUS", "region", "华南", "dealer", "广州天河店")).body().get("id").asLong();
        assertThat(api.patch("/api/tickets/" + battery, agent, Map.of("vehicleId", vehicle)).status()).isEqualTo(200);
        reply(battery);
        resolve(battery);
        rate(third, 4);
        at("2026-11-20T09:00");
        String again = open(third, "续航还是掉得快");
        assertThat(api.get("/api/tickets/" + again, agent).body().path("reworkOf").asString()).isEqualTo(battery);
        reply(again);
        resolve(again);
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    void at(String dateTime) {
        clock.advance(Duration.between(clock.instant(), local(dateTime)));
    }

    ChatClient customer() {
        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "客户"));
        return ChatClient.connect(server.gatewayUri(session.text("customerToken")));
    }

    String open(ChatClient chat, String text) {
        List<String> before = api.get("/api/tickets", agent).body().valueStream().map(t -> t.get("id").asString()).toList();
        chat.sendMessage("m" + (++cmid), text);
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/tickets?assignee=me", agent).body().valueStream()
                .map(t -> t.get("id").asString()).filter(id -> !before.contains(id)).findFirst().orElse(null), id -> id != null);
    }

    void reply(String ticket) {
        assertThat(api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", "您好，马上为您处理。")).status()).isEqualTo(201);
    }

    void resolve(String ticket) {
        assertThat(api.post("/api/tickets/" + ticket + "/resolve", agent, "").status()).isEqualTo(200);
    }

    void rate(ChatClient chat, int score) {
        chat.await(f -> f.path("from").asString().equals("system") && f.path("text").asString().contains("请为本次服务打分"));
        chat.sendJson(Map.of("type", "rating", "score", score));
        chat.await(f -> f.path("from").asString().equals("system")
                && (f.path("text").asString().contains("感谢") || f.path("text").asString().contains("抱歉")));
    }
}
