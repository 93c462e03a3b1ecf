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
import org.openqa.selenium.support.ui.Select;

/** The knowledge base kept from its page: an expert's draft reviewed, edited with a preview, compared and published; an import reported line by line. */
class KnowledgeBasePageIntegrationTests {

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
    void anAdminReviewsEditsComparesAndPublishesAnExpertsDraftAndImportsArticles() {
        Api api = server.api();
        String admin = api.adminToken();
        api.createStaff(admin, "zhang.gong", "EXPERT", 2);
        Api.Response drafted = api.post("/api/kb/articles", api.loginStaff("zhang.gong"), Map.of("id", "kb-park-001",
                "title", "长时间停放后无法启动", "category", "battery", "tags", List.of("低压电池"), "vehicleModels", List.of("汉EV"),
                "body", "## 现象\n\n车辆停放两周以上，按启动键无反应。\n\n## 处理\n\n先给低压电池补电。"));
        assertThat(drafted.status()).as(drafted.raw()).isEqualTo(201);

        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        browser.go("/kb/");
        new Select(browser.byTestId("kb-status")).selectByValue("DRAFT");
        browser.until(d -> d.findElements(Browser.testId("kb-article")).stream().filter(a -> "kb-park-001".equals(a.getDomAttribute("data-id")))
                .findFirst().orElse(null)).click();
        WebElement body = browser.until(d -> {
            WebElement b = d.findElement(Browser.testId("kb-body"));
            return b.getDomProperty("value").contains("低压电池") ? b : null;
        });
        assertThat(browser.byTestId("kb-preview").getText()).contains("现象", "先给低压电池补电。");
        body.sendKeys("\n\n## 预防\n\n长期停放前断开低压电池负极。");
        browser.until(d -> browser.byTestId("kb-preview").getText().contains("预防"));
        browser.byTestId("kb-save").click();
        browser.until(d -> d.findElements(Browser.testId("kb-version")).size() == 2);
        browser.byTestId("kb-version-diff").click();
        browser.until(d -> browser.byTestId("kb-diff").getText().contains("+ 长期停放前断开低压电池负极。"));
        browser.byTestId("kb-publish").click();
        browser.until(d -> browser.byTestId("kb-status-line").getText().contains("已发布"));
        browser.screenshot("kb-page");
        assertThat(api.get("/api/kb/articles/kb-park-001", admin).body().get("status").asString()).isEqualTo("PUBLISHED");

        browser.byTestId("kb-import-text").sendKeys("{\"id\":\"kb-imp-001\",\"title\":\"冬季续航下降\",\"body\":\"低温下电池活性降低。\"}\n"
                + "{\"id\":\"kb-imp-002\",\"title\":\"\"}");
        browser.byTestId("kb-import").click();
        browser.until(d -> browser.byTestId("kb-import-report").getText().contains("已导入 1 条"));
        assertThat(browser.driver().findElements(Browser.testId("kb-import-error"))).singleElement()
                .satisfies(e -> assertThat(e.getText()).startsWith("第 2 行"));
        WebElement synonyms = browser.until(d -> {
            WebElement box = d.findElement(Browser.testId("kb-synonyms"));
            return box.getDomProperty("value").contains(",") ? box : null;
        });
        synonyms.sendKeys("\n趴电, 亏电\n");
        browser.byTestId("kb-synonyms-save").click();
        browser.until(d -> browser.byTestId("kb-synonyms-meta").getText().contains("已保存并生效"));
        assertThat(api.get("/api/kb/synonyms", admin).body().get("text").asString()).contains("趴电, 亏电");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("即将", "上线后");
    }
}
