package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The centre is run from pages: an admin changes the appointment response target and adds a classifier
 * phrase in /admin/, without a file or a restart; and no page, for any role, promises a feature for later
 * or fails in the browser's console.
 */
class CentreFromPagesIntegrationTests {

    static final List<String> LATER = List.of("即将", "尚未开放", "正在开发", "上线后", "敬请期待");

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir).start();
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
    void anAdminChangesTheAppointmentTargetAndAddsAClassifierPhraseFromThePage() {
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        WebElement first = browser.until(d -> d.findElement(Browser.testId("sla-first-APPOINTMENT")));
        assertThat(first.getDomProperty("value")).isEqualTo("PT30M");
        first.clear();
        first.sendKeys("PT20M");
        browser.byTestId("sla-save-APPOINTMENT").click();
        browser.until(d -> d.findElements(Browser.testId("sla-row")).stream()
                .anyMatch(r -> r.getDomAttribute("data-type").equals("APPOINTMENT") && r.getText().contains("第 2 版")));

        WebElement rules = browser.byTestId("classifier-text");
        rules.sendKeys("category TECHNICAL: 趴电");
        browser.byTestId("classifier-save").click();
        browser.until(d -> d.findElement(By.id("classifier-meta")).getText().contains("已保存并生效"));
        browser.byTestId("classifier-try").sendKeys("我的车趴电了");
        browser.byTestId("classifier-try-run").click();
        browser.until(d -> browser.byTestId("classifier-try-result").getText().contains("技术问题"));
        browser.screenshot("admin-rules");

        Api api = server.api();
        String admin = api.adminToken();
        assertThat(api.get("/api/sla/policies", admin).body().valueStream()
                .filter(p -> p.get("type").asString().equals("APPOINTMENT")).findFirst().orElseThrow()
                .get("firstResponse").asString()).isEqualTo("PT20M");
        assertThat(api.post("/api/rules/classifier/test", admin, Map.of("text", "车趴电")).body().get("category").asString()).isEqualTo("TECHNICAL");

        rules.clear();
        rules.sendKeys("this line does not parse");
        browser.byTestId("classifier-save").click();
        browser.until(d -> browser.byTestId("classifier-error").getText().contains("第 1 行"));
    }

    @Test
    void noPageForAnyRolePromisesAFeatureForLaterOrLogsAnError() {
        Api api = server.api();
        String admin = api.adminToken();
        Map<String, String> homes = Map.of("AGENT", "/console/", "EXPERT", "/console/", "SUPERVISOR", "/dashboard/",
                "TECHNICIAN", "/tech/", "RND", "/rnd/", "ADMIN", "/admin/");
        check("/", null);
        check("/chat/", null);
        check("/login/", null);
        for (var role : homes.entrySet()) {
            String username = "page." + role.getKey().toLowerCase();
            if (!role.getKey().equals("ADMIN")) {
                api.createStaff(admin, username, role.getKey(), 2);
            }
            browser.driver().manage().deleteAllCookies();
            browser.script("sessionStorage.clear(); localStorage.clear();");
            browser.login(role.getKey().equals("ADMIN") ? "admin" : username,
                    role.getKey().equals("ADMIN") ? RunningServer.ADMIN_PASSWORD : "password-" + username);
            browser.until(d -> d.getCurrentUrl().endsWith(role.getValue()));
            check(role.getValue(), role.getKey());
            if (role.getKey().equals("SUPERVISOR") || role.getKey().equals("ADMIN")) {
                check("/dashboard/", role.getKey());
                check("/rnd/", role.getKey());
            }
            if (!role.getKey().equals("AGENT") && !role.getKey().equals("TECHNICIAN") && !role.getKey().equals("RND")) {
                check("/kb/", role.getKey());
            }
        }
    }

    private void check(String path, String role) {
        if (!browser.driver().getCurrentUrl().endsWith(path)) {
            browser.go(path);
        }
        browser.until(d -> "complete".equals(browser.script("return document.readyState")));
        // let the page's first requests answer before reading it
        browser.until(d -> Boolean.TRUE.equals(browser.script("return performance.getEntriesByType('resource')"
                + ".every(e => e.responseEnd > 0)")));
        String text = browser.driver().findElement(By.tagName("body")).getText();
        for (String later : LATER) {
            assertThat(text).as(path + " for " + role + " says " + later).doesNotContain(later);
        }
        List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                // an error status answered to a request is the page's to show (a softphone not configured, 503),
                // logged by Chromium as a failed load; what must not happen is a script failing
                .filter(e -> !e.getMessage().contains("Failed to load resource"))
                .toList();
        assertThat(errors).as(path + " for " + role).isEmpty();
    }
}
