package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** An agent working a customer's chat in the real console, in a real browser, against the real server. */
class AgentConsoleIntegrationTests {

    @TempDir
    Path dataDir;

    /** The server's clock, moved by the tests that watch SLA colours change; starts at the real time. */
    final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    RunningServer server;
    Browser browser;
    Api api;
    long agentId;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.sla.sweep-every=PT0.05S").withClock(clock).start();
        api = server.api();
        agentId = api.createStaff(api.adminToken(), "li.na", "AGENT", 3, "charging");
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

    /** Logs in through the login page, goes online with the presence switch and waits for the live channel. */
    void agentAtTheDesk() {
        browser.login("li.na", "password-li.na");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(agentId, "/user/queue/assignments");
        browser.until(d -> api.get("/api/staff/me", api.loginStaff("li.na")).body().get("presence").asString().equals("ONLINE"));
    }

    ChatClient customer(Map<String, String> details) {
        Api.Response session = api.post("/api/chat/sessions", null, details);
        return ChatClient.connect(server.gatewayUri(session.text("customerToken")));
    }

    @Test
    void agentSeesANewTicketLiveReadsItAndTheCustomerGetsTheReply() {
        agentAtTheDesk();
        browser.screenshot("console-empty");
        try (ChatClient chat = customer(Map.of("name", "王先生", "phone", "13812345678", "model", "海豹 EV"))) {
            chat.sendMessage("c1", "车充不进电了，仪表显示 P0A80");

            WebElement ticket = browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")));
            ticket.click();
            browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                    .anyMatch(m -> m.getText().contains("车充不进电了，仪表显示 P0A80")));
            browser.until(d -> d.findElement(By.id("customer")).getText().contains("138****5678"));
            chat.sendJson(Map.of("type", "typing"));
            browser.until(d -> d.findElement(By.id("typing")).isDisplayed());
            assertThat(browser.driver().getPageSource()).doesNotContain("13812345678");

            browser.byTestId("reply-input").sendKeys("您好，请问充电桩指示灯是什么颜色？");
            browser.byTestId("reply-send").click();

            JsonNode reply = chat.await(f -> f.path("type").asString().equals("message") && f.path("from").asString().equals("agent"));
            assertThat(reply.get("text").asString()).isEqualTo("您好，请问充电桩指示灯是什么颜色？");
            browser.until(d -> d.findElements(Browser.testId("conversation-message")).size() == 2);
            browser.until(d -> d.findElement(By.id("ticket-sla")).getText().startsWith("解决剩余"));

            chat.sendMessage("c2", "绿灯一直闪");
            browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                    .anyMatch(m -> m.getText().contains("绿灯一直闪")));
            browser.screenshot("console-conversation");
        }
    }

    @Test
    void aKnowledgeSuggestionShowsThePassageThatMatchedAndTheAgentInsertsIt() {
        agentAtTheDesk();
        try (ChatClient chat = customer(Map.of("name", "赵女士", "model", "海豹 EV"))) {
            chat.sendMessage("p1", "车子停久了打不着，按钥匙也没反应");
            browser.until(d -> {
                d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")).click();
                return true;
            });
            List<WebElement> passages = browser.until(d -> {
                List<WebElement> found = d.findElements(Browser.testId("kb-suggestion-passage"));
                return found.isEmpty() ? null : found;
            });
            String passage = passages.get(0).getText();
            assertThat(passage).isNotBlank();
            browser.driver().findElements(Browser.testId("kb-insert-passage")).get(0).click();
            browser.until(d -> !browser.byTestId("reply-input").getDomProperty("value").isBlank());
            assertThat(browser.byTestId("reply-input").getDomProperty("value").replaceAll("\\s+", ""))
                    .isEqualTo(passage.replaceAll("\\s+", ""));
            browser.screenshot("console-suggestion-passage");
        }
    }

    @Test
    void markupTypedByACustomerStaysInertTextInTheConsole() {
        agentAtTheDesk();
        String payload = "<img src=x onerror=alert(1)>";
        try (ChatClient chat = customer(Map.of("name", "<b>黑客</b>"))) {
            chat.sendMessage("x1", payload);
            browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']"))).click();
            WebElement message = browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                    .filter(m -> m.getText().contains(payload)).findFirst().orElse(null));
            browser.until(d -> d.findElement(By.id("customer")).getText().contains("<*")); // the name, masked

            assertThat(message.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#messages img, #customer b"))).isEmpty();
            assertThat(browser.script("return window.__alerted === undefined")).isEqualTo(true);
            try {
                browser.driver().switchTo().alert();
                throw new AssertionError("an alert opened: the customer's markup ran");
            } catch (NoAlertPresentException expected) {
                // the payload stayed text
            }
            browser.screenshot("console-xss-inert");
        }
    }

    @Test
    void anExpertSubmitsTheirAnswerToATechniciansQuestionAsAMaskedDraftForReview() {
        String admin = api.adminToken();
        api.post("/api/staff", admin, Map.of("username", "zhang.gong", "password", "password-zhang.gong",
                "displayName", "张工", "roles", java.util.List.of("EXPERT"), "skills", java.util.List.of("battery"),
                "maxConcurrent", 2));
        api.createStaff(admin, "tech.zhou", "TECHNICIAN", 1);
        long expertId = api.get("/api/staff/me", api.loginStaff("zhang.gong")).body().get("id").asLong();
        browser.login("zhang.gong", "password-zhang.gong");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(expertId, "/user/queue/assignments");
        browser.until(d -> api.get("/api/staff/me", api.loginStaff("zhang.gong")).body().get("presence").asString().equals("ONLINE"));

        Api.Response asked = api.post("/api/tech-questions", api.loginStaff("tech.zhou"), Map.of("vin", "LSVAU2180N2183294",
                "model", "汉 EV", "dtcCodes", java.util.List.of("P0A80"), "mileage", 86000,
                "text", "电池故障码 P0A80 是什么意思？车主电话13812345678"));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']"))).click();
        browser.until(d -> d.findElements(Browser.testId("conversation-message")).size() == 1);
        browser.byTestId("reply-input").sendKeys("P0A80 表示需要更换混合动力电池组，请到服务站检测单体电压。");
        browser.byTestId("reply-send").click();
        browser.until(d -> d.findElements(Browser.testId("conversation-message")).size() == 2);

        browser.byTestId("kb-draft").click();
        WebElement result = browser.until(d -> {
            WebElement box = d.findElement(Browser.testId("kb-draft-result"));
            return box.isDisplayed() ? box : null;
        });
        assertThat(result.getText()).contains("已提交审核", "P0A80", "138****5678", "更换混合动力电池组").doesNotContain("13812345678");
        browser.until(d -> d.findElements(Browser.testId("kb-draft-item")).size() == 1);
        assertThat(api.get("/api/kb/articles?status=DRAFT", api.loginStaff("zhang.gong")).body()).hasSize(1);
        browser.screenshot("expert-desk-draft");
    }

    @Test
    void aTicketOnTheDeskTurnsAmberAtThreeQuartersOfItsTimeAndRedAtTheDeadline() {
        agentAtTheDesk();
        try (ChatClient chat = customer(Map.of())) {
            chat.sendMessage("q1", "请问你们周末营业吗");
            WebElement ticket = browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")));
            assertThat(ticket.getDomAttribute("class")).contains("ok");
            assertThat(ticket.getText()).contains("首次响应剩余");

            clock.advance(Duration.ofMinutes(45)); // an inquiry's first response is due within 1 h
            browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")).getDomAttribute("class")
                    .contains("warning"));
            browser.screenshot("console-sla-amber");

            clock.advance(Duration.ofMinutes(15));
            WebElement late = browser.until(d -> {
                WebElement t = d.findElement(By.cssSelector("#mine [data-testid='ticket-item']"));
                return t.getDomAttribute("class").contains("breached") ? t : null;
            });
            assertThat(late.getText()).contains("已超时");
        }
    }
}
