package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An admin setting up the floor from the browser, and the login page refusing a wrong password in Chinese. */
class AdminPagesIntegrationTests {

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
    void anAdminCreatesAnExpertWithSkillsWhoCanThenLogIn() {
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        browser.byTestId("staff-username").sendKeys("zhang.gong");
        browser.byTestId("staff-display-name").sendKeys("张工");
        browser.byTestId("staff-password").sendKeys("zhang-gong-pass");
        // AGENT is ticked by default: this person answers chats and technicians' questions
        browser.driver().findElement(By.cssSelector("input[name=roles][value=EXPERT]")).click();
        browser.driver().findElement(By.cssSelector("input[name=skills][value=battery]")).click();
        browser.driver().findElement(By.cssSelector("input[name=skills][value=high-voltage]")).click();
        browser.byTestId("staff-create").click();

        WebElement row = browser.until(d -> d.findElements(Browser.testId("staff-row")).stream()
                .filter(r -> r.getText().contains("zhang.gong")).findFirst().orElse(null));
        assertThat(row.getText()).contains("张工", "客服", "技术专家", "电池", "高压");
        browser.screenshot("admin-staff");

        Api api = server.api();
        assertThat(api.login("zhang.gong", "zhang-gong-pass")).isNotBlank();
    }

    @Test
    void aWrongPasswordIsRefusedInChineseAndNobodyIsLoggedIn() {
        browser.login("admin", "not-the-password");
        WebElement error = browser.until(d -> {
            WebElement e = d.findElement(By.id("error"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(error.getText()).isEqualTo("用户名或密码错误。");
        assertThat(browser.driver().getCurrentUrl()).contains("/login/");
        browser.screenshot("login-refused");
    }

    @Test
    void aStaffPageOpenedWithoutLoggingInSendsToTheLoginPageAndBackByRole() {
        server.api().createStaff(server.api().adminToken(), "zhu.guan", "SUPERVISOR", 1);
        browser.go("/dashboard/");
        browser.until(d -> d.getCurrentUrl().contains("/login/?next="));
        browser.byTestId("login-username").sendKeys("zhu.guan");
        browser.byTestId("login-password").sendKeys("password-zhu.guan");
        browser.byTestId("login-submit").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/dashboard/"));

        browser.go("/admin/");
        browser.until(d -> d.getCurrentUrl().contains("/login/?denied=1"));
        assertThat(browser.driver().findElement(By.id("error")).getText()).contains("无权打开该页面");
    }
}
