package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.TwilioStandIn;
import org.huiying.server.support.TwilioWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The hotline in the real console: a waiting caller rings on the agent's screen and one click answers and
 * bridges them. The softphone's SDK is served by us: the page never loads script from anywhere else.
 * No API key is configured here, so the page never registers with Twilio's servers (no traffic leaves
 * the machine); the bridge itself goes to the local stand-in of the Calls API.
 */
class HotlineConsoleIntegrationTests {

    static final String PUBLIC_BASE = "https://hotline.example.com";
    private static final Pattern GATHER_ACTION = Pattern.compile("<Gather[^>]*action=\"([^\"]+)\"");

    @TempDir
    Path dataDir;
    TwilioStandIn twilio;
    RunningServer server;
    Browser browser;
    Api api;
    long agentId;

    @BeforeEach
    void start() {
        twilio = new TwilioStandIn();
        List<String> args = new ArrayList<>(List.of(twilio.serverArgs()));
        args.add("--huiying.public-base-url=" + PUBLIC_BASE);
        server = new RunningServer(dataDir, args.toArray(String[]::new)).start();
        api = server.api();
        agentId = api.createStaff(api.adminToken(), "wang.fang", "AGENT", 3);
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

    @Test
    void aWaitingCallerRingsOnTheConsoleAndOneClickAnswersAndBridgesThem() {
        browser.login("wang.fang", "password-wang.fang");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(agentId, "/user/queue/calls");
        browser.until(d -> browser.script("return typeof Twilio === 'object' && typeof Twilio.Device === 'function'"));
        List<?> scripts = (List<?>) browser.script("return [...document.scripts].map(s => s.src).filter(Boolean)");
        assertThat(scripts).isNotEmpty().allSatisfy(src -> assertThat(src.toString()).startsWith("http://127.0.0.1:" + server.httpPort() + "/"));
        browser.until(d -> d.findElement(By.id("phone-device")).getText().contains("浏览器电话未配置"));

        String callSid = "CA0000000000000000000000000000c0de";
        TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        Map<String, String> params = callerPressesTwo(webhooks, callSid, "+8613912345678");

        browser.until(d -> browser.byTestId("phone-offer").isDisplayed());
        assertThat(browser.byTestId("phone-offer").getText()).contains("139****5678").contains("投诉").doesNotContain("13912345678");
        browser.screenshot("console-hotline-offer");
        browser.byTestId("phone-answer").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("正在接通客户"));
        browser.until(d -> !browser.byTestId("phone-offer").isDisplayed());
        assertThat(twilio.callUpdates()).anySatisfy(update -> {
            assertThat(update.path()).endsWith("/Calls/" + callSid + ".json");
            assertThat(update.param("Twiml")).contains(">hotline-" + callSid + "</Conference>");
        });
        assertThat(twilio.calls()).anySatisfy(leg -> assertThat(leg.param("To")).isEqualTo("client:" + agentId));
        // the answered caller's ticket is now the agent's and open on the screen
        browser.until(d -> d.findElements(By.cssSelector("#mine [data-testid='ticket-item']")).size() == 1);
        browser.screenshot("console-hotline-answered");

        // the agent holds the caller and takes them back, from the console
        String conferenceSid = conferenceStarted(webhooks, callSid);
        browser.until(d -> browser.byTestId("phone-hold").isDisplayed());
        browser.byTestId("phone-hold").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("客户已保持"));
        assertThat(twilio.participantUpdates()).singleElement().satisfies(u -> {
            assertThat(u.path()).endsWith("/Conferences/" + conferenceSid + "/Participants/" + callSid + ".json");
            assertThat(u.param("Hold")).isEqualTo("true");
        });
        assertThat(browser.byTestId("phone-hold").getText()).isEqualTo("恢复通话");
        browser.screenshot("console-hotline-held");
        browser.byTestId("phone-hold").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("已恢复通话"));
        assertThat(twilio.participantUpdates()).hasSize(2).last().satisfies(u -> assertThat(u.param("Hold")).isEqualTo("false"));

        // the caller hangs up: the agent writes the wrap-up and solves the ticket with it
        params.remove("Digits");
        params.put("CallStatus", "completed");
        assertThat(webhooks.post("/twilio/voice/status", params).status()).isEqualTo(204);
        browser.until(d -> browser.byTestId("phone-wrap").isDisplayed());
        browser.byTestId("phone-wrap-outcome").sendKeys("客户投诉充电慢，已预约明天到店检查充电模块");
        browser.byTestId("phone-wrap-resolved").click();
        browser.screenshot("console-hotline-wrap-up");
        browser.byTestId("phone-wrap-submit").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("通话小结已保存"));
        browser.until(d -> d.findElements(By.cssSelector("#mine [data-testid='ticket-item']")).isEmpty());

        // the floor: the supervisor's dashboard shows the day's calls and the service level
        api.createStaff(api.adminToken(), "zhao.lei", "SUPERVISOR", 1);
        browser.login("zhao.lei", "password-zhao.lei");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.until(d -> d.findElement(By.id("phone-on-calls")).getText().equals("0"));
        browser.until(d -> d.findElement(By.id("phone-service-level")).getText().equals("100%"));
        assertThat(browser.driver().findElement(By.id("phone-counts")).getText()).contains("来电 1").contains("接听 1");
        browser.screenshot("dashboard-hotline");
    }

    /** A caller dials the hotline and presses 2 (complaint): they wait in the queue. Returns their call's parameters. */
    private static Map<String, String> callerPressesTwo(TwilioWebhooks webhooks, String callSid, String from) {
        Map<String, String> params = new HashMap<>(Map.of("CallSid", callSid, "AccountSid", TwilioStandIn.ACCOUNT_SID,
                "From", from, "To", TwilioStandIn.FROM, "CallStatus", "ringing", "Direction", "inbound",
                "ApiVersion", "2010-04-01"));
        Matcher gather = GATHER_ACTION.matcher(webhooks.post("/twilio/voice", params).body());
        assertThat(gather.find()).isTrue();
        params.put("Digits", "2");
        params.put("CallStatus", "in-progress");
        assertThat(webhooks.postTo(gather.group(1).replace("&amp;", "&"), params).body()).contains("<Enqueue");
        return params;
    }

    /** Twilio's conference callback as the answered caller joins their conference: it names the conference. */
    private static String conferenceStarted(TwilioWebhooks webhooks, String callSid) {
        String conferenceSid = "CF" + callSid.substring(2);
        assertThat(webhooks.post("/twilio/voice/conference?call=" + callSid, Map.of("AccountSid", TwilioStandIn.ACCOUNT_SID,
                "ConferenceSid", conferenceSid, "FriendlyName", "hotline-" + callSid, "StatusCallbackEvent", "participant-join",
                "CallSid", callSid)).status()).isEqualTo(204);
        return conferenceSid;
    }

    @Test
    void anAgentHandsTheCallerToAnOnlineColleagueWithAWarmTransferFromTheConsole() {
        long colleague = api.createStaff(api.adminToken(), "li.na", "AGENT", 3);
        String colleagueToken = api.loginStaff("li.na");
        browser.login("wang.fang", "password-wang.fang");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(agentId, "/user/queue/calls");

        String callSid = "CA0000000000000000000000000000c0d1";
        TwilioWebhooks webhooks = new TwilioWebhooks("http://127.0.0.1:" + server.httpPort(), PUBLIC_BASE, TwilioStandIn.AUTH_TOKEN);
        Map<String, String> params = callerPressesTwo(webhooks, callSid, "+8613912340001");
        browser.until(d -> browser.byTestId("phone-offer").isDisplayed());
        browser.byTestId("phone-answer").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("正在接通客户"));
        browser.until(d -> d.findElements(By.cssSelector("#mine [data-testid='ticket-item']")).size() == 1);
        conferenceStarted(webhooks, callSid);
        // a colleague comes online, free to take a call
        assertThat(api.put("/api/staff/me/presence", colleagueToken, Map.of("status", "ONLINE")).status()).isEqualTo(200);

        browser.byTestId("phone-transfer").click();
        browser.until(d -> browser.byTestId("phone-transfer-box").isDisplayed());
        browser.until(d -> new Select(browser.byTestId("phone-transfer-to")).getOptions().stream()
                .anyMatch(o -> o.getText().contains("li.na") && o.isEnabled()));
        new Select(browser.byTestId("phone-transfer-to")).selectByValue(Long.toString(colleague));
        browser.screenshot("console-hotline-transfer-pick");
        browser.byTestId("phone-transfer-go").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("正在转接给 li.na"));
        assertThat(browser.byTestId("phone-transfer-cancel").isDisplayed()).isTrue();

        // the colleague takes it: their softphone is called with a whisper of the ticket, the caller is held
        Api.Response taken = api.post("/api/calls/" + callSid + "/answer", colleagueToken, Map.of());
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        assertThat(twilio.calls()).anySatisfy(leg -> {
            assertThat(leg.param("To")).isEqualTo("client:" + colleague);
            assertThat(leg.param("Twiml")).contains("转接：投诉工单");
        });
        browser.until(d -> browser.byTestId("phone-status").getText().contains("li.na 已接听"));
        browser.until(d -> browser.byTestId("phone-transfer-complete").isDisplayed());
        browser.screenshot("console-hotline-transfer-answered");
        browser.byTestId("phone-transfer-complete").click();
        browser.until(d -> browser.byTestId("phone-status").getText().contains("已转接给 li.na"));
        assertThat(twilio.participantUpdates()).last().satisfies(u -> {
            assertThat(u.path()).endsWith("/Participants/" + callSid + ".json");
            assertThat(u.param("Hold")).isEqualTo("false");
        });
        // one ticket, now the colleague's: it leaves wang.fang's list
        browser.until(d -> d.findElements(By.cssSelector("#mine [data-testid='ticket-item']")).isEmpty());
        assertThat(api.get("/api/tickets?assignee=me", colleagueToken).body().size()).isEqualTo(1);
        params.remove("Digits");
        params.put("CallStatus", "completed");
        assertThat(webhooks.post("/twilio/voice/status", params).status()).isEqualTo(204);
    }
}
