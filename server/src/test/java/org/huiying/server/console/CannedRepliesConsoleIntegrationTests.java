package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** An admin rewrites a shared phrase in the admin page; an agent inserts it in the console with the customer's name filled in. */
class CannedRepliesConsoleIntegrationTests {

    static final String GREETING = "{客户称呼}，您好！这里是回应汽车售后，您的工单号是 {工单号}。";

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;
    Api api;
    long agentId;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir).start();
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

    WebElement row(String startingWith) {
        return browser.until(d -> d.findElements(Browser.testId("canned-row")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(1).getText().startsWith(startingWith)).findFirst().orElse(null));
    }

    @Test
    void anAdminEditsAPhraseThatAnAgentThenInsertsWithTheCustomersNameFilledIn() {
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        row("{客户称呼}，您好！我是客服").findElement(Browser.testId("canned-edit")).click();
        WebElement text = browser.byTestId("canned-text");
        browser.until(d -> !text.getDomProperty("value").isEmpty());
        text.clear();
        text.sendKeys("{客户称呼}，您好！这里是回应汽车售后，您的工单号是 ");
        browser.driver().findElements(Browser.testId("canned-placeholder")).stream()
                .filter(b -> b.getText().contains("{工单号}")).findFirst().orElseThrow().click();
        text.sendKeys("。");
        browser.byTestId("canned-save").click();
        row(GREETING);
        assertThat(api.get("/api/canned-replies", api.adminToken()).body().findValuesAsString("text")).contains(GREETING);

        browser.byTestId("canned-category").sendKeys("问候");
        text.sendKeys("{客户名称}您好");
        browser.byTestId("canned-save").click();
        WebElement error = browser.until(d -> {
            WebElement e = d.findElement(Browser.testId("canned-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(error.getText()).contains("未知的占位符");
        browser.screenshot("admin-canned-replies");

        browser.driver().findElements(By.cssSelector("header.top button")).stream()
                .filter(b -> b.getText().equals("退出")).findFirst().orElseThrow().click();
        browser.until(d -> d.getCurrentUrl().contains("/login/"));
        browser.login("li.na", "password-li.na");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(agentId, "/user/queue/assignments");
        browser.until(d -> api.get("/api/staff/me", api.loginStaff("li.na")).body().get("presence").asString().equals("ONLINE"));

        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "王先生", "phone", "13812345678", "model", "海豹 EV"));
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("c1", "充电桩充不进电");
            WebElement ticket = browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")));
            String ticketId = ticket.getDomAttribute("data-id");
            ticket.click();
            browser.until(d -> d.findElement(By.id("customer")).getText().contains("王*"));
            long greetingId = api.get("/api/canned-replies", api.loginStaff("li.na")).body().valueStream()
                    .filter(r -> r.get("text").asString().equals(GREETING)).findFirst().orElseThrow().get("id").asLong();
            Select canned = new Select(browser.driver().findElement(By.id("canned")));
            assertThat(canned.getOptions().stream().map(WebElement::getText).toList())
                    .anySatisfy(o -> assertThat(o).startsWith("{客户称呼}，您好！这里是回应汽车售后"));

            canned.selectByValue(Long.toString(greetingId));

            String expected = "王先生/女士，您好！这里是回应汽车售后，您的工单号是 " + ticketId + "。";
            browser.until(d -> expected.equals(browser.byTestId("reply-input").getDomProperty("value")));
            browser.byTestId("reply-send").click();
            JsonNode reply = chat.await(f -> f.path("type").asString().equals("message") && f.path("from").asString().equals("agent"));
            assertThat(reply.get("text").asString()).isEqualTo(expected);
            browser.screenshot("console-canned-inserted");
            assertThat(browser.driver().getPageSource()).doesNotContain("13812345678");
        }
    }
}
