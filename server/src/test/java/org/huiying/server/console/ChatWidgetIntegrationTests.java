package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** A customer chatting in the widget page in a real browser, answered by an agent over the API. */
class ChatWidgetIntegrationTests {

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;
    Api api;
    String admin;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir).start();
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

    void customerTypes(String text) {
        WebElement input = browser.byTestId("chat-input");
        input.sendKeys(text);
        browser.byTestId("chat-send").click();
    }

    WebElement acknowledged(String text) {
        return browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .filter(m -> m.getText().contains(text) && "true".equals(m.getDomAttribute("data-acked")))
                .findFirst().orElse(null));
    }

    String ticketOf(String conversationId) {
        return browser.until(d -> api.get("/api/tickets", admin).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(conversationId))
                .map(t -> t.get("id").asString()).findFirst().orElse(null));
    }

    String conversationId() {
        return (String) browser.script("return JSON.parse(localStorage.getItem('huiying.chat.session')).conversationId");
    }

    @Test
    void customerMessageIsAcknowledgedAndTheAgentsReplyShowsUpLive() {
        browser.go("/chat/");
        customerTypes("车充不进电了，充电桩一直红灯");
        WebElement mine = acknowledged("车充不进电了，充电桩一直红灯");
        assertThat(mine.getText()).contains("✓");

        String ticket = ticketOf(conversationId());
        Api.Response reply = api.post("/api/tickets/" + ticket + "/messages", admin, Map.of("text", "您好，请问是家用桩还是公共桩？"));
        assertThat(reply.status()).isEqualTo(201);

        browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .anyMatch(m -> m.getText().contains("您好，请问是家用桩还是公共桩？") && m.getText().contains("客服")));
        browser.screenshot("chat-widget");
    }

    @Test
    void afterTheConnectionDropsTheWidgetReconnectsAndResumesWhatItMissed() {
        browser.go("/chat/");
        customerTypes("想预约本周六保养");
        acknowledged("想预约本周六保养");
        String ticket = ticketOf(conversationId());

        browser.script("window.huiyingChat.socket().close()");
        browser.until(d -> !"open".equals(d.findElement(By.id("status")).getDomAttribute("data-state")));
        api.post("/api/tickets/" + ticket + "/messages", admin, Map.of("text", "周六上午十点可以吗？"));

        browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .anyMatch(m -> m.getText().contains("周六上午十点可以吗？")));
        assertThat(browser.allByTestId("chat-message")).hasSize(2);
        JsonNode history = api.get("/api/conversations/" + conversationId() + "/messages", admin).body();
        assertThat(history.size()).isEqualTo(2);
    }

    @Test
    void aReloadedPageShowsTheWholeConversationAgain() {
        browser.go("/chat/");
        customerTypes("第一条");
        acknowledged("第一条");
        customerTypes("<script>window.__pwned=1</script>");
        acknowledged("<script>window.__pwned=1</script>");

        browser.driver().navigate().refresh();

        browser.until(d -> d.findElements(Browser.testId("chat-message")).size() == 2);
        assertThat(browser.allByTestId("chat-message")).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("<script>window.__pwned=1</script>"));
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
    }
}
