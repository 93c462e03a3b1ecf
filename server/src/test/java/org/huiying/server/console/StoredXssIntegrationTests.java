package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Stored XSS (FreeScout CVE-2026-32754's kind): markup stored by a customer, a staff account or a
 * knowledge-base author is shown as text on every page that renders it, and never runs. Each
 * payload would set {@code window.__xss} if it ran.
 */
class StoredXssIntegrationTests {

    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SCRIPT = "<script>window.__xss=1</script>";

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;
    Api api;
    String admin;

    void start(String... args) {
        server = new RunningServer(dataDir, args).start();
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

    void assertNothingRan(String... containers) {
        assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
        for (String container : containers) {
            assertThat(browser.driver().findElements(By.cssSelector(container + " img, " + container + " script")))
                    .as("markup elements inside " + container).isEmpty();
        }
    }

    @Test
    void aCustomersNameMessagesModelAndAnArticleTitleStayTextInTheAgentConsole() {
        start("--huiying.privacy.reveal-roles=AGENT,SUPERVISOR,ADMIN", "--huiying.kb.load-samples=false");
        Api.Response article = api.post("/api/kb/articles", admin, Map.of("id", "xss-title", "title", IMG + "充电口无法充电",
                "body", "车充不进电：检查充电口温度传感器和充电枪锁止。", "category", "charging", "tags", List.of("充电")));
        assertThat(article.status()).isEqualTo(201);
        assertThat(api.post("/api/kb/articles/xss-title/publish", admin, "").status()).isEqualTo(200);
        long agentId = api.createStaff(admin, "li.na", "AGENT", 3);
        browser.login("li.na", "password-li.na");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(agentId, "/user/queue/assignments");
        browser.until(d -> api.get("/api/staff/me", api.loginStaff("li.na")).body().get("presence").asString().equals("ONLINE"));

        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", IMG, "model", SCRIPT));
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(session.text("customerToken")))) {
            chat.sendMessage("x1", "车充不进电了 " + SCRIPT);
            // opening the ticket fetches its suggestions; clicked inside the wait, since the list re-renders when
            // the assignment arrives and a stale item is found again
            browser.until(d -> {
                d.findElement(By.cssSelector("#mine [data-testid='ticket-item']")).click();
                return true;
            });
            browser.until(d -> d.findElement(By.id("suggestions")).getText().contains(IMG + "充电口无法充电"));
            chat.sendMessage("x2", IMG);
            browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                    .filter(m -> m.getText().contains(SCRIPT) || m.getText().contains(IMG)).count() == 2);
            browser.byTestId("reveal-reason").sendKeys("核对客户身份");
            browser.byTestId("reveal-customer").click();
            browser.until(d -> d.findElement(By.id("customer")).getText().contains(IMG));

            assertThat(browser.driver().findElement(By.id("customer")).getText()).contains(SCRIPT);
            assertThat(browser.driver().findElement(By.id("mine")).getText()).contains(SCRIPT);
            assertNothingRan("#messages", "#customer", "#suggestions", "#mine");
            browser.screenshot("xss-console");
        }
    }

    @Test
    void aStaffMembersNameStaysTextOnTheDashboardAndTheAdminPage() {
        start();
        api.post("/api/staff", admin, Map.of("username", "mallory", "password", "password-mallory", "displayName", IMG,
                "roles", List.of("AGENT"), "skills", List.of("charging"), "maxConcurrent", 1));
        api.post("/api/staff", admin, Map.of("username", "boss", "password", "password-boss", "displayName", SCRIPT,
                "roles", List.of("SUPERVISOR", "ADMIN"), "skills", List.of(), "maxConcurrent", 1));

        browser.login("boss", "password-boss");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.until(d -> d.findElement(By.id("agents")).getText().contains(IMG));
        assertThat(browser.driver().findElement(By.cssSelector("header.top")).getText()).contains(SCRIPT);
        assertNothingRan("#agents", "header.top");
        browser.screenshot("xss-dashboard");

        browser.go("/admin/");
        browser.until(d -> d.findElements(Browser.testId("staff-row")).stream().anyMatch(r -> r.getText().contains(IMG)));
        assertNothingRan("#staff", "header.top");
    }

    @Test
    void anAgentsReplyAndTheCustomersOwnMessageStayTextInTheChatWidget() {
        start();
        browser.go("/chat/");
        browser.byTestId("chat-input").sendKeys(IMG);
        browser.byTestId("chat-send").click();
        browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .anyMatch(m -> m.getText().contains(IMG) && "true".equals(m.getDomAttribute("data-acked"))));
        String conversation = (String) browser.script("return JSON.parse(localStorage.getItem('huiying.chat.session')).conversationId");
        String ticket = browser.until(d -> api.get("/api/tickets", admin).body().valueStream()
                .filter(t -> t.get("conversationId").asString().equals(conversation))
                .map(t -> t.get("id").asString()).findFirst().orElse(null));

        assertThat(api.post("/api/tickets/" + ticket + "/messages", admin, Map.of("text", SCRIPT + IMG)).status()).isEqualTo(201);

        browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .anyMatch(m -> m.getText().contains(SCRIPT + IMG)));
        browser.driver().navigate().refresh();
        browser.until(d -> d.findElements(Browser.testId("chat-message")).stream()
                .anyMatch(m -> m.getText().contains(SCRIPT + IMG)));
        assertNothingRan("#messages");
        browser.screenshot("xss-widget");
    }
}
