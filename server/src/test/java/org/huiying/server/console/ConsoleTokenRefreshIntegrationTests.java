package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens live seconds here (minutes in production): the pages keep working by refreshing
 * them — before they run out, and again when the server refuses one the page thought was good —
 * and a login whose tokens were revoked ends on the login page.
 */
class ConsoleTokenRefreshIntegrationTests {

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.security.access-token-ttl=PT1S").start();
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

    private String pageToken() {
        return (String) browser.script("return JSON.parse(sessionStorage.getItem('huiying.auth')).token");
    }

    private void awaitRefusedByServer(String token) {
        Api api = server.api();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/staff/me", token).status() == 401);
    }

    private void createStaffInPage(String username) {
        browser.byTestId("staff-username").clear();
        browser.byTestId("staff-username").sendKeys(username);
        browser.byTestId("staff-display-name").clear();
        browser.byTestId("staff-display-name").sendKeys("新同事");
        browser.byTestId("staff-password").clear();
        browser.byTestId("staff-password").sendKeys("password-" + username);
        browser.byTestId("staff-create").click();
        browser.until(d -> d.findElements(Browser.testId("staff-row")).stream().anyMatch(r -> r.getText().contains(username)));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeUseAndAfterARefusal() {
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        browser.byTestId("staff-username");
        String first = pageToken();
        awaitRefusedByServer(first);

        createStaffInPage("qian.yi");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/");
        String second = pageToken();
        assertThat(second).isNotEqualTo(first);

        // a page whose clock says the token is still good: the server's 401 triggers the refresh
        awaitRefusedByServer(second);
        browser.script("const a = JSON.parse(sessionStorage.getItem('huiying.auth')); a.expiresAt = Date.now() + 3600e3;"
                + "sessionStorage.setItem('huiying.auth', JSON.stringify(a));");
        createStaffInPage("sun.er");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/");
        assertThat(pageToken()).isNotEqualTo(second);
    }

    @Test
    void aLoginWhoseTokensWereRevokedEndsOnTheLoginPage() {
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        browser.byTestId("staff-username");
        Api api = server.api();
        String elsewhere = api.adminToken();
        assertThat(api.put("/api/staff/me/password", elsewhere,
                Map.of("currentPassword", RunningServer.ADMIN_PASSWORD, "newPassword", "changed-elsewhere-1")).status()).isEqualTo(200);

        browser.byTestId("staff-username").sendKeys("zhou.san");
        browser.byTestId("staff-display-name").sendKeys("周三");
        browser.byTestId("staff-password").sendKeys("password-zhou.san");
        browser.byTestId("staff-create").click();
        browser.until(d -> d.getCurrentUrl().contains("/login/?expired=1"));
        assertThat(api.get("/api/staff", api.login("admin", "changed-elsewhere-1")).body().toString()).doesNotContain("zhou.san");
    }

    @Test
    void anAdminDisablesAnAccountFromTheStaffListAndItsLoginEndsEverywhere() {
        Api api = server.api();
        api.createStaff(api.adminToken(), "wu.si", "AGENT", 1);
        Api.Response agent = api.post("/api/auth/login", null, Map.of("username", "wu.si", "password", "password-wu.si"));
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        var row = browser.until(d -> d.findElements(Browser.testId("staff-row")).stream()
                .filter(r -> r.getText().contains("wu.si")).findFirst().orElse(null));
        row.findElement(Browser.testId("staff-toggle")).click();
        browser.until(d -> d.switchTo().alert()).accept();
        browser.until(d -> d.findElements(Browser.testId("staff-row")).stream()
                .anyMatch(r -> r.getText().contains("wu.si") && r.getText().contains("已停用")));
        browser.screenshot("admin-staff-disabled");

        // the refresh token would live for hours: only the revocation explains the refusal
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", agent.text("refreshToken"))).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, Map.of("username", "wu.si", "password", "password-wu.si")).text("error"))
                .isEqualTo("account_disabled");
    }

    @Test
    void changingOnesPasswordInThePageKeepsThisPageAndEndsTheOtherLogins() {
        Api api = server.api();
        api.createStaff(api.adminToken(), "zheng.liu", "SUPERVISOR", 1);
        Api.Response elsewhere = api.post("/api/auth/login", null, Map.of("username", "zheng.liu", "password", "password-zheng.liu"));
        browser.login("zheng.liu", "password-zheng.liu");
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));
        browser.byTestId("change-password").click();
        browser.until(d -> d.switchTo().alert()).sendKeys("password-zheng.liu");
        browser.driver().switchTo().alert().accept();
        browser.until(d -> d.switchTo().alert()).sendKeys("new-password-zheng");
        browser.driver().switchTo().alert().accept();
        assertThat(browser.until(d -> d.switchTo().alert()).getText()).isEqualTo("密码已修改。");
        browser.driver().switchTo().alert().accept();

        assertThat(api.get("/api/staff/me", (String) browser.script(
                "return JSON.parse(sessionStorage.getItem('huiying.auth')).token")).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", elsewhere.text("refreshToken"))).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, Map.of("username", "zheng.liu", "password", "new-password-zheng")).status())
                .isEqualTo(200);
    }
}
