package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiying.routing.support.TestClock;
import org.huiying.server.customer.VinSamples;
import org.huiying.server.support.Api;
import org.huiying.server.support.ChatClient;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The customer card in the real console: an agent who picks up 王先生's chat sees his two calls of last
 * week about the same car, the battery warranty of that car and a colleague's note, which the customer
 * never sees; the chat widget proves the customer's phone number with a texted code.
 */
class CustomerFileConsoleIntegrationTests {

    static final String PHONE = "+8613912345678";
    static final String SIGNED_BASE = "https://hotline.example.com";
    static final Pattern ACTION = Pattern.compile("<Gather[^>]*action=\"([^\"]+)\"");
    static final Pattern CODE = Pattern.compile("验证码是 ([0-9]{6})");

    @TempDir
    Path dataDir;

    final TestClock clock = new TestClock(Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS));
    TwilioStandIn twilio;
    RunningServer server;
    TwilioWebhooks webhooks;
    Browser browser;
    Api api;
    String admin;
    JdbcClient db;
    long agentId;

    @BeforeEach
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + SIGNED_BASE);
        args.add("--huiying.twilio.outbox.poll-every=PT0.1S");
        server = new RunningServer(dataDir, args.toArray(String[]::new)).withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
        db = server.bean(JdbcClient.class);
        webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), SIGNED_BASE, TwilioStandIn.AUTH_TOKEN);
        agentId = api.createStaff(admin, "li.na", "AGENT", 3, "charging");
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
        if (twilio != null) {
            twilio.close();
        }
    }

    /** A call from {@code PHONE}: the caller presses 2 (complaint); returns the ticket it opened. */
    String callAndComplain(int n) {
        Map<String, String> params = new HashMap<>(Map.of("CallSid", String.format("CA%032x", 0xcafe00L + n),
                "AccountSid", TwilioStandIn.ACCOUNT_SID, "From", PHONE, "To", TwilioStandIn.FROM, "CallStatus", "ringing",
                "Direction", "inbound", "ApiVersion", "2010-04-01"));
        TwilioWebhooks.Response menu = webhooks.post("/twilio/voice", params);
        assertThat(menu.status()).as(menu.body()).isEqualTo(200);
        Matcher action = ACTION.matcher(menu.body());
        assertThat(action.find()).as(menu.body()).isTrue();
        params.put("CallStatus", "in-progress");
        params.put("Digits", "2");
        assertThat(webhooks.postTo(action.group(1).replace("&amp;", "&"), params).status()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(10)).until(() -> db.sql("""
                SELECT t.id FROM ticket t JOIN voice_call c ON c.ticket_id = t.id WHERE c.call_sid = ?""")
                .param(params.get("CallSid")).query(String.class).optional().orElse(null), id -> id != null);
    }

    void resolvedLastWeek(String ticketId) {
        db.sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), ticketId).update();
    }

    String codeSentTo(String e164, int before) {
        String body = await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sendsTo(e164).size() > before
                ? twilio.sendsTo(e164).get(twilio.sendsTo(e164).size() - 1).param("Body") : null, b -> b != null);
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void anAgentPickingUpAChatSeesTheCallersEarlierCallsTheBatteryWarrantyAndAColleaguesNote() {
        String supervisor = loginNew("zhao.zg", "SUPERVISOR");
        String firstCall = callAndComplain(1);
        long customer = api.get("/api/console/tickets/" + firstCall + "/customer", admin).body().get("customerId").asLong();
        JsonNode car = api.post("/api/customers/" + customer + "/vehicles", supervisor, Map.of("vin", VinSamples.valid("LGXCE4CB0P0002002"),
                "model", "秦PLUS DM-i", "purchaseDate", "2021-06-01", "warrantyEnd", "2024-06-01", "batteryWarrantyEnd", "2029-06-01")).body();
        assertThat(api.patch("/api/tickets/" + firstCall, supervisor, Map.of("vehicleId", car.get("id").asLong(), "skills", List.of("charging")))
                .status()).isEqualTo(200);
        resolvedLastWeek(firstCall);
        clock.advance(Duration.ofDays(2));
        String secondCall = callAndComplain(2);
        // the customer has one car: the new ticket is about it without anyone saying so
        assertThat(api.get("/api/tickets/" + secondCall, admin).body().get("vehicleId").asLong()).isEqualTo(car.get("id").asLong());
        assertThat(api.patch("/api/tickets/" + secondCall, supervisor, Map.of("skills", List.of("charging"))).status()).isEqualTo(200);
        assertThat(api.post("/api/tickets/" + secondCall + "/notes", supervisor,
                Map.of("text", "客户第二次来电，情绪较大，已承诺48小时内安排上门检测")).status()).isEqualTo(201);
        resolvedLastWeek(secondCall);
        clock.advance(Duration.ofDays(5));

        Api.Response session = api.post("/api/chat/sessions", null, Map.of("name", "王先生"));
        String conversation = session.text("conversationId");
        String token = session.text("customerToken");
        try (ChatClient chat = ChatClient.connect(server.gatewayUri(token))) {
            int before = twilio.sendsTo(PHONE).size();
            assertThat(api.post("/api/chat/sessions/" + conversation + "/phone", token, Map.of("phone", "13912345678")).status()).isEqualTo(202);
            assertThat(api.post("/api/chat/sessions/" + conversation + "/phone/verify", token,
                    Map.of("code", codeSentTo(PHONE, before))).status()).isEqualTo(200);
            chat.sendMessage("c1", "车又充不进电了，这是第三次了");

            browser.login("li.na", "password-li.na");
            browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
            new Select(browser.byTestId("presence")).selectByValue("ONLINE");
            server.awaitSubscribed(agentId, "/user/queue/assignments");
            browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']"))).click();

            List<WebElement> earlier = browser.until(d -> {
                List<WebElement> rows = d.findElements(Browser.testId("history-ticket"));
                return rows.size() == 2 ? rows : null;
            });
            assertThat(earlier).allSatisfy(row -> assertThat(row.getText()).contains("电话").contains("投诉").contains("秦PLUS"));
            assertThat(browser.byTestId("battery-warranty").getText()).contains("在保").contains("2029-06-01");
            assertThat(browser.byTestId("customer-file").getText()).contains("已承诺48小时内安排上门检测").contains("139****5678");
            assertThat(browser.driver().getPageSource()).doesNotContain("13912345678");
            assertThat(browser.byTestId("customer-file").getText()).doesNotContain("null");
            browser.screenshot("customer-file-card");

            browser.byTestId("note-input").sendKeys("已告知客户先到店检测充电口");
            browser.byTestId("note-add").click();
            browser.until(d -> d.findElements(Browser.testId("note")).size() == 2);

            String ticket = api.awaitTicketOf(admin, conversation).get("id").asString();
            assertThat(api.get("/api/tickets/" + ticket, admin).body().get("reworkOf").asString()).isEqualTo(firstCall);
            browser.until(d -> d.findElement(Browser.testId("rework-of")).getText().contains(firstCall.substring(firstCall.length() - 6)));

            new Select(browser.byTestId("reclassify-type")).selectByValue("COMPLAINT");
            browser.byTestId("reclassify-save").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/tickets/" + ticket, admin).body().get("type").asString()
                    .equals("COMPLAINT"));
            browser.until(d -> d.findElement(By.id("ticket-title")).getText().startsWith("投诉"));

            assertThat(chat.drain(Duration.ofMillis(300)).stream().map(JsonNode::toString))
                    .noneMatch(f -> f.contains("上门检测") || f.contains("充电口"));
            assertThat(api.get("/api/conversations/" + conversation + "/messages", admin).body().valueStream()
                    .map(m -> m.get("text").asString())).noneMatch(t -> t.contains("上门检测") || t.contains("到店检测充电口"));
        }
    }

    @Test
    void aChatCustomerProvesTheirPhoneNumberInTheWidget() {
        browser.go("/chat/");
        browser.byTestId("chat-input").sendKeys("你好，我想查一下上次的维修记录");
        browser.byTestId("chat-send").click();
        browser.until(d -> d.findElement(By.id("verify")).isDisplayed());
        browser.driver().findElement(By.cssSelector("#verify summary")).click();
        int before = twilio.sendsTo(PHONE).size();
        browser.byTestId("verify-phone").sendKeys("13912345678");
        browser.byTestId("verify-send").click();
        browser.until(d -> d.findElement(Browser.testId("verify-result")).getText().contains("139****5678"));
        browser.byTestId("verify-code").sendKeys(codeSentTo(PHONE, before));
        browser.byTestId("verify-check").click();
        browser.until(d -> d.findElement(Browser.testId("verify-result")).getText().contains("验证成功"));
        browser.screenshot("chat-phone-verified");
        assertThat(db.sql("SELECT COUNT(*) FROM customer WHERE phone = ? AND phone_verified").param(PHONE).query(Long.class).single())
                .isEqualTo(1);
    }

    String loginNew(String username, String role) {
        api.createStaff(admin, username, role, 3);
        return api.loginStaff(username);
    }
}
