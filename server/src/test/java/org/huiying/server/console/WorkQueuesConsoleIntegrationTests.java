package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Every role's work queue in a real browser against the real server: the agent's callbacks of the day in
 * the console, the supervisor's overdue callbacks and late escalations on the dashboard, and the R&D
 * engineer closing the charging fault on their own page while the agent's console hears of it.
 */
class WorkQueuesConsoleIntegrationTests {

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    RunningServer server;
    Browser browser;
    Api api;
    String admin;

    @BeforeEach
    void start() {
        // no survey within the test's days: a customer's next message is a problem, not a rating
        server = new RunningServer(dataDir, "--huiying.sla.sweep-every=PT0.05S", "--huiying.routing.sweep-every=PT0.05S",
                "--huiying.survey.delay=P30D").withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
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

    /** A customer's chat taken by the one online agent; returns the ticket. */
    String ticketFrom(Map<String, String> customer, String text, String agent) {
        Api.Response session = api.post("/api/chat/sessions", null, customer);
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", text);
        }
        String conversation = session.text("conversationId");
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets?assignee=me", agent).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(conversation)).map(t -> t.get("id").asString())
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    String resolved(Map<String, String> customer, String text, String agent) {
        String ticket = ticketFrom(customer, text, agent);
        api.post("/api/tickets/" + ticket + "/messages", agent, Map.of("text", "已为您处理好了。"));
        assertThat(api.post("/api/tickets/" + ticket + "/resolve", agent, "").status()).isEqualTo(200);
        return ticket;
    }

    List<WebElement> callbackItems() {
        return browser.allByTestId("callback-item");
    }

    @Test
    void anAgentStartsTheDayOnTheCallbacksDueTodayAndWorksThroughThemInTheConsole() {
        long liNaId = api.createStaff(admin, "li.na", "AGENT", 5);
        String liNa = api.loginStaff("li.na");
        api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));
        String aircon = resolved(Map.of("name", "王先生", "phone", "13812345678", "model", "汉EV"), "空调不制冷", liNa);
        clock.advance(Duration.ofHours(1));
        String screen = resolved(Map.of("name", "刘女士", "phone", "13900001111"), "车机黑屏了", liNa);
        api.put("/api/staff/me/presence", liNa, Map.of("status", "OFFLINE"));
        // three days later, the morning after: both calls are due
        clock.advance(Duration.ofDays(3).plusHours(1));

        browser.login("li.na", "password-li.na");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        browser.until(d -> callbackItems().size() == 2);
        assertThat(browser.byTestId("callbacks-count").getText()).isEqualTo("2");
        assertThat(callbackItems().get(0).getText()).contains("回访", "售后回访", "已逾期");
        assertThat(callbackItems().get(0).getDomAttribute("data-ticket")).isEqualTo(aircon);

        callbackItems().get(0).click();
        browser.until(d -> d.findElement(Browser.testId("customer-手机")).getText().equals("138****5678"));
        assertThat(browser.byTestId("customer-客户").getText()).isEqualTo("王*");
        assertThat(browser.driver().findElement(By.id("callback-facts")).getText()).contains("汉EV");
        server.awaitSubscribed(liNaId, "/user/queue/callbacks");
        browser.byTestId("callback-dial").click();
        browser.until(d -> browser.byTestId("callback-status").getText().contains("手动拨打"));
        browser.screenshot("console-callback-dialled");

        new Select(browser.byTestId("callback-outcome")).selectByValue("FIXED");
        browser.byTestId("callback-note").sendKeys("客户确认空调已正常制冷");
        browser.byTestId("callback-record").click();
        // on to the next customer of the day
        browser.until(d -> callbackItems().size() == 1 && callbackItems().get(0).getDomAttribute("data-ticket").equals(screen)
                && browser.byTestId("callback-status").getText().contains("已记录"));
        browser.until(d -> d.findElement(Browser.testId("customer-手机")).getText().equals("139****1111"));

        browser.byTestId("callback-dial").click();
        browser.until(d -> browser.byTestId("callback-status").getText().contains("手动拨打"));
        new Select(browser.byTestId("callback-outcome")).selectByValue("NOT_FIXED");
        browser.byTestId("callback-note").sendKeys("还是黑屏");
        browser.byTestId("callback-record").click();
        browser.until(d -> callbackItems().isEmpty()
                && d.findElement(By.id("conversation-empty")).getText().contains("今天的回访都已处理完"));
        browser.screenshot("console-callbacks-done");

        JsonNode done = api.get("/api/callbacks?status=DONE", liNa).body();
        assertThat(done.valueStream().map(t -> t.get("outcome").asString()).toList()).containsExactlyInAnyOrder("FIXED", "NOT_FIXED");
        JsonNode notFixed = done.valueStream().filter(t -> t.get("ticketId").asString().equals(screen)).findFirst().orElseThrow();
        assertThat(notFixed.get("note").asString()).isEqualTo("还是黑屏");
        assertThat(api.get("/api/tickets/" + notFixed.get("followUpTicketId").asString(), admin).body().get("parentId").asString())
                .isEqualTo(screen);
    }

    @Test
    void aSupervisorSeesOverdueCallbacksAndLateEscalationsLiveAndGivesACallbackToAnotherAgent() {
        api.createStaff(admin, "li.na", "AGENT", 5);
        long zhaoId = api.createStaff(admin, "zhao.lei", "AGENT", 5);
        api.createStaff(admin, "zhu.guan", "SUPERVISOR", 1);
        String liNa = api.loginStaff("li.na");
        api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));
        resolved(Map.of("phone", "13812345678"), "空调不制冷", liNa);
        api.put("/api/staff/me/presence", liNa, Map.of("status", "OFFLINE"));
        // an appointment request nobody answers escalates; nobody acknowledges it for days
        Api.Response session = api.post("/api/chat/sessions", null, Map.of());
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("m1", "我想预约明天下午保养");
        }
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", admin).body().size() == 1);
        clock.advance(Duration.ofDays(3));

        browser.login("zhu.guan", "password-zhu.guan");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.until(d -> browser.byTestId("callbacks-overdue").getText().equals("1"));
        assertThat(browser.byTestId("escalations-late").getText()).isEqualTo("1");
        WebElement late = browser.until(d -> d.findElements(Browser.testId("escalation-item")).stream()
                .filter(e -> "true".equals(e.getDomAttribute("data-late"))).findFirst().orElse(null));
        assertThat(late.getText()).contains("预约超时", "待处理", "超时未确认");

        browser.until(d -> d.findElement(Browser.testId("callback-overdue-item")).getText().contains("li.na"));
        assertThat(browser.byTestId("callback-overdue-item").getText()).contains("售后回访");
        // the row is rebuilt when the staff list arrives: choose and click on the row as it is now
        browser.until(d -> {
            WebElement row = d.findElement(Browser.testId("callback-overdue-item"));
            new Select(row.findElement(Browser.testId("callback-reassign-to"))).selectByValue(Long.toString(zhaoId));
            row.findElement(Browser.testId("callback-reassign")).click();
            return true;
        });
        browser.until(d -> d.findElement(Browser.testId("callback-owner")).getText().equals("zhao.lei"));
        browser.screenshot("dashboard-callbacks");
        String zhao = api.loginStaff("zhao.lei");
        JsonNode mine = api.get("/api/callbacks?status=DUE", zhao).body();
        assertThat(mine).hasSize(1);

        // the new owner makes the call: the board's count follows without a reload
        api.post("/api/callbacks/" + mine.get(0).get("id").asString() + "/result", zhao, Map.of("outcome", "FIXED"));
        browser.until(d -> browser.byTestId("callbacks-overdue").getText().equals("0"));
        browser.until(d -> d.findElement(By.id("callback-rows")).getText().contains("没有逾期的回访"));
    }

    @Test
    void theRndEngineerClosesTheChargingFaultOnTheirPageAndTheAgentIsToldInTheConsole() {
        long liNaId = api.createStaff(admin, "li.na", "AGENT", 5, "charging");
        String liNa = api.loginStaff("li.na");
        api.put("/api/staff/me/presence", liNa, Map.of("status", "ONLINE"));
        ticketFrom(Map.of("phone", "13812345678", "model", "海豚"), "充电桩一插就跳枪", liNa);
        ticketFrom(Map.of("phone", "13900001111", "model", "海豚"), "快充充不进电", liNa);
        ticketFrom(Map.of("phone", "13700002222", "model", "海豚"), "车充不进电了", liNa);
        String id = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/escalations", admin).body(), b -> b.size() == 1)
                .get(0).get("id").asString();

        // the agent's console is open in one tab
        browser.login("li.na", "password-li.na");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        server.awaitSubscribed(liNaId, "/user/queue/escalations");
        String consoleTab = browser.driver().getWindowHandle();

        // the admin gives 陈工 the R&D role on the admin page, in another tab
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        browser.byTestId("staff-username").sendKeys("chen.gong");
        browser.byTestId("staff-display-name").sendKeys("陈工");
        browser.byTestId("staff-password").sendKeys("chen-gong-pass");
        browser.driver().findElement(By.cssSelector("input[name=roles][value=AGENT]")).click();
        browser.driver().findElement(By.cssSelector("input[name=roles][value=RND]")).click();
        browser.byTestId("staff-create").click();
        browser.until(d -> d.findElements(Browser.testId("staff-row")).stream().anyMatch(r -> r.getText().contains("研发")));

        // and 陈工 logs in: the R&D desk
        browser.login("chen.gong", "chen-gong-pass");
        browser.until(d -> d.getCurrentUrl().endsWith("/rnd/"));
        WebElement item = browser.until(d -> d.findElements(Browser.testId("escalation-item")).stream()
                .filter(e -> id.equals(e.getDomAttribute("data-id"))).findFirst().orElse(null));
        assertThat(item.getText()).contains("同类技术问题重复出现", "charging / 海豚", "待处理", "3 个工单");
        item.click();
        browser.until(d -> d.findElements(Browser.testId("escalation-ticket")).size() == 3);
        assertThat(browser.driver().findElement(By.id("d-tickets")).getText()).contains("海豚", "li.na");

        browser.byTestId("escalation-acknowledge").click();
        browser.until(d -> browser.byTestId("escalation-status").getText().equals("已确认"));
        browser.byTestId("escalation-comment-input").sendKeys("三台车都在 35°C 以上快充时中止，疑似过温误报。");
        browser.byTestId("escalation-comment-send").click();
        browser.until(d -> d.findElements(Browser.testId("escalation-comment")).stream().anyMatch(c -> c.getText().contains("陈工")));

        browser.byTestId("escalation-root-cause").sendKeys("充电口温度传感器固件误报过温，充电被中止");
        browser.byTestId("escalation-fix").sendKeys("OTA 2.3.1 修正过温阈值，服务站可升级");
        browser.byTestId("escalation-resolve").click();
        browser.until(d -> browser.byTestId("escalation-status").getText().equals("已解决"));
        assertThat(browser.driver().findElement(By.id("d-facts")).getText()).contains("温度传感器", "OTA 2.3.1", "陈工");
        browser.screenshot("rnd-resolved");

        // every affected customer gets the check call a month later
        JsonNode checks = api.get("/api/callbacks?status=OPEN", admin).body();
        assertThat(checks.valueStream().filter(t -> t.get("reason").asString().equals("MONTHLY_CHECK")).count()).isEqualTo(3);

        // and the agent who served them reads it in the console
        browser.driver().switchTo().window(consoleTab);
        WebElement notice = browser.byTestId("escalation-notice");
        assertThat(notice.getText()).contains("研发已解决", "温度传感器", "一个月后");
        browser.screenshot("console-escalation-notice");
    }
}
