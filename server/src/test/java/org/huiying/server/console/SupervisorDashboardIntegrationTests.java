package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** A supervisor watching the floor in a real browser while the server's clock is moved by the test. */
class SupervisorDashboardIntegrationTests {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(T0);
    RunningServer server;
    Browser browser;
    Api api;
    long bossId;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.sla.sweep-every=PT0.05S").withClock(clock).start();
        api = server.api();
        String admin = api.adminToken();
        bossId = api.createStaff(admin, "zhu.guan", "SUPERVISOR", 1);
        api.createStaff(admin, "wang.fang", "AGENT", 2, "battery");
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

    void openComplaint(String text) {
        Api.Response session = api.post("/api/chat/sessions", null, Map.of());
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("c1", text);
        }
    }

    /** The item's text, read in the same wait: the board re-renders on every push, leaving found items stale. */
    String boardText(String state) {
        return browser.until(d -> d.findElements(Browser.testId("sla-item")).stream()
                .filter(i -> state.equals(i.getDomAttribute("data-state"))).map(WebElement::getText).findFirst().orElse(null));
    }

    WebElement boardItem(String state) {
        return browser.until(d -> d.findElements(Browser.testId("sla-item")).stream()
                .filter(i -> state.equals(i.getDomAttribute("data-state"))).findFirst().orElse(null));
    }

    @Test
    void theSlaBoardTurnsAmberAndThenRedLiveAsTheClockRuns() {
        browser.login("zhu.guan", "password-zhu.guan");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        server.awaitSubscribed(bossId, "/topic/sla");
        WebElement board = browser.byTestId("sla-board");
        browser.until(d -> board.getText().contains("一切正常"));
        assertThat(browser.allByTestId("sla-item")).isEmpty();
        browser.until(d -> d.findElements(Browser.testId("agent-state")).stream()
                .anyMatch(a -> "OFFLINE".equals(a.getDomAttribute("data-presence")) && a.getText().contains("离线")));

        openComplaint("我要投诉，车充不进电三天了");
        clock.advance(Duration.ofMinutes(90));
        assertThat(boardText("WARNING")).contains("预警", "首次响应", "投诉");
        browser.screenshot("dashboard-warning");

        clock.advance(Duration.ofMinutes(30));
        assertThat(boardText("BREACHED")).contains("已超时");
        assertThat(browser.allByTestId("sla-item")).hasSize(1);
        browser.screenshot("dashboard-breached");
    }

    @Test
    void aSupervisorReassignsABreachedTicketToAnOnlineAgentAndExportsTheBoard() {
        String agent = api.loginStaff("wang.fang");
        openComplaint("我要投诉，电池衰减太快");
        clock.advance(Duration.ofMinutes(121));
        api.put("/api/staff/me/presence", agent, Map.of("status", "AWAY"));

        browser.login("zhu.guan", "password-zhu.guan");
        // the board refreshes itself every few seconds: a row found just before a refresh is replaced, so retry
        browser.until(d -> {
            try {
                WebElement item = boardItem("BREACHED");
                org.openqa.selenium.support.ui.Select target = new org.openqa.selenium.support.ui.Select(
                        item.findElement(org.openqa.selenium.By.tagName("select")));
                target.selectByVisibleText("wang.fang（离开）");
                item.findElement(org.openqa.selenium.By.tagName("button")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });

        browser.until(d -> api.get("/api/tickets?assignee=me", agent).body().size() == 1);
        browser.until(d -> boardItem("BREACHED").getText().contains("wang.fang · 处理中"));

        // the export hands the browser a CSV blob: catch its text on the way
        browser.script("window.__csv = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = blob => { blob.text().then(t => window.__csv = t); return make(blob); };");
        browser.driver().findElement(org.openqa.selenium.By.id("export")).click();
        String csv = browser.until(d -> (String) browser.script("return window.__csv"));
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().toList().get(0)).contains("工单ID", "时限", "处理人");
        assertThat(csv.lines().toList().get(1)).contains("投诉", "首次响应", "已超时", "wang.fang", "处理中");
    }
}
