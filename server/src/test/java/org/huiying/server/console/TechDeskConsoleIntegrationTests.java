package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The technicians' desk in a real browser: a technician asks from the workshop's PC with photos and
 * reads the expert's answer as it is written; the expert sees those photos in the console.
 */
class TechDeskConsoleIntegrationTests {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    RunningServer server;
    Browser browser;
    Api api;
    String admin;
    long expertId;
    String expert;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.routing.sweep-every=PT0.05S").start();
        api = server.api();
        admin = api.adminToken();
        api.post("/api/staff", admin, Map.of("username", "zhang.gong", "password", "password-zhang.gong", "displayName", "张工",
                "roles", List.of("EXPERT"), "skills", List.of("high-voltage", "battery"), "maxConcurrent", 5));
        expert = api.loginStaff("zhang.gong");
        expertId = api.get("/api/staff/me", expert).body().get("id").asLong();
        api.post("/api/staff", admin, Map.of("username", "zhou.shifu", "password", "password-zhou.shifu", "displayName", "周师傅",
                "roles", List.of("TECHNICIAN"), "skills", List.of(), "maxConcurrent", 1));
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

    /** A photo file as the workshop's PC holds it. */
    Path photo(String name, Color color, String format) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        Path file = files.resolve(name);
        try {
            ImageIO.write(image, format, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Photos shown from the server: every thumbnail in {@code scope} has loaded its picture. */
    boolean photosLoaded(String scope, int count) {
        Object loaded = browser.script("const imgs = [...document.querySelectorAll(arguments[0] + ' [data-testid=photo]')];"
                + "return imgs.length === arguments[1] && imgs.every(i => i.complete && i.naturalWidth > 0);", scope, count);
        return Boolean.TRUE.equals(loaded);
    }

    void expertOnline() {
        api.put("/api/staff/me/presence", expert, Map.of("status", "ONLINE"));
    }

    /** An earlier insulation fault, answered and resolved, for the similar-questions panel. */
    void anEarlierSolvedQuestion() {
        api.createStaff(admin, "wu.shifu", "TECHNICIAN", 1);
        String other = api.loginStaff("wu.shifu");
        String id = api.post("/api/tech-questions", other, Map.of("model", "汉EV", "dtcCodes", List.of("P0AA6"),
                "text", "仪表报绝缘故障，无法上高压")).body().get("ticketId").asString();
        expertOnline();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/tickets/" + id, expert).body().path("assignee").asLong() == expertId);
        api.post("/api/tickets/" + id + "/messages", expert, Map.of("text", "断开维修开关，逐个测量高压部件绝缘电阻，多为 PTC 加热器进水。"));
        api.post("/api/tickets/" + id + "/resolve", expert, "");
    }

    @Test
    void aTechnicianAsksWithPhotosFromTheWorkshopAndGetsTheExpertsAnswerLive() {
        anEarlierSolvedQuestion();
        long techId = api.get("/api/staff/me", api.loginStaff("zhou.shifu")).body().get("id").asLong();
        try (StompClient expertDesk = StompClient.connect(server.stompUri(), expert)) {
            expertDesk.subscribe("/user/queue/assignments");
            expertDesk.subscribe("/user/queue/messages");
            server.awaitSubscribed(expertId, "/user/queue/messages");

            browser.login("zhou.shifu", "password-zhou.shifu");
            browser.until(d -> d.getCurrentUrl().endsWith("/tech/"));
            browser.awaitLive();
            server.awaitSubscribed(techId, "/user/queue/messages");
            browser.byTestId("ask-vin").sendKeys("LSVAU2180N2183294");
            browser.byTestId("ask-model").sendKeys("汉EV");
            browser.byTestId("ask-codes").sendKeys("p0aa6");
            browser.byTestId("ask-mileage").sendKeys("86000");
            browser.byTestId("ask-text").sendKeys("仪表报绝缘故障，车辆无法上高压，已测 PTC 绝缘 0.2MΩ");
            browser.byTestId("ask-photos").sendKeys(photo("仪表.jpg", Color.RED, "jpeg") + "\n" + photo("PTC.png", Color.BLUE, "png"));
            browser.until(d -> d.findElements(Browser.testId("photo-preview")).size() == 2);
            WebElement similar = browser.until(d -> d.findElement(Browser.testId("similar-answer")));
            assertThat(similar.getText()).contains("PTC 加热器进水");
            browser.screenshot("tech-ask");

            browser.byTestId("ask-submit").click();

            browser.until(d -> d.findElement(Browser.testId("question-title")).getText().contains("P0AA6"));
            browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                    .anyMatch(m -> m.getText().contains("已测 PTC 绝缘 0.2MΩ") && m.getText().contains("[照片 2 张]")));
            browser.until(d -> photosLoaded("#messages", 2));
            JsonNode assigned = expertDesk.awaitMessage("/queue/assignments").json();
            String ticketId = assigned.get("id").asString();
            assertThat(api.get("/api/tech-questions/" + ticketId, expert).body().path("question").get("uploadedPhotos")).hasSize(2);

            api.post("/api/tickets/" + ticketId + "/messages", expert, Map.of("text", "请检查 PTC 加热器插接件是否进水，并拍一张插接件照片。"));
            browser.until(d -> d.findElements(By.cssSelector("[data-testid='conversation-message'][data-from='agent']")).stream()
                    .anyMatch(m -> m.getText().contains("请检查 PTC 加热器插接件是否进水") && m.getText().contains("技术专家")));
            browser.until(d -> d.findElement(Browser.testId("question-status")).getText().equals("专家处理中"));

            browser.byTestId("reply-input").sendKeys("插接件有水迹，已拍照");
            browser.byTestId("reply-photos").sendKeys(photo("插接件.jpg", Color.GREEN, "jpeg").toString());
            browser.byTestId("reply-send").click();
            JsonNode reply = expertDesk.await(f -> f.command().equals("MESSAGE")
                    && f.json().path("message").path("from").asString().equals("technician")).json();
            assertThat(reply.path("message").get("text").asString()).isEqualTo("插接件有水迹，已拍照\n[照片 1 张]");
            browser.until(d -> photosLoaded("#messages", 3));
            browser.screenshot("tech-answered");

            browser.byTestId("question-close").click();
            browser.until(d -> d.switchTo().alert()).accept();
            browser.until(d -> d.findElement(Browser.testId("question-status")).getText().equals("已解决"));
            assertThat(api.get("/api/tickets/" + ticketId, expert).body().get("status").asString()).isEqualTo("RESOLVED");
            assertThat(browser.byTestId("reply-input").isDisplayed()).isFalse();
        }
    }

    @Test
    void aFileThatIsNotAPictureIsRefusedAndNothingIsAsked() throws IOException {
        Path manual = files.resolve("维修手册.jpg");
        Files.writeString(manual, "这是一份文字版维修手册，不是照片");
        browser.login("zhou.shifu", "password-zhou.shifu");
        browser.until(d -> d.getCurrentUrl().endsWith("/tech/"));
        browser.byTestId("ask-text").sendKeys("请看手册第 3 页");
        browser.byTestId("ask-photos").sendKeys(manual.toString());
        browser.until(d -> d.findElements(Browser.testId("photo-preview")).size() == 1);

        browser.byTestId("ask-submit").click();

        WebElement error = browser.until(d -> {
            WebElement e = d.findElement(Browser.testId("ask-error"));
            return e.getText().isBlank() ? null : e;
        });
        assertThat(error.getText()).contains("维修手册.jpg").contains("只能上传 JPEG 或 PNG 格式的照片");
        assertThat(api.get("/api/tech-questions", api.loginStaff("zhou.shifu")).body()).isEmpty();
        assertThat(browser.driver().findElements(Browser.testId("question-item"))).isEmpty();
    }

    @Test
    void theExpertSeesTheTechniciansPhotosInTheConsole() {
        browser.login("zhang.gong", "password-zhang.gong");
        browser.until(d -> d.getCurrentUrl().endsWith("/console/"));
        new Select(browser.byTestId("presence")).selectByValue("ONLINE");
        server.awaitSubscribed(expertId, "/user/queue/assignments");
        browser.until(d -> api.get("/api/staff/me", expert).body().get("presence").asString().equals("ONLINE"));

        String tech = api.loginStaff("zhou.shifu");
        String first = uploadFrom(tech, photo("电池包.jpg", Color.ORANGE, "jpeg"));
        String second = uploadFrom(tech, photo("故障码.png", Color.CYAN, "png"));
        api.post("/api/tech-questions", tech, Map.of("model", "汉EV", "dtcCodes", List.of("P0A80"), "text", "电池包单体压差大",
                "photoIds", List.of(first, second)));

        browser.until(d -> d.findElement(By.cssSelector("#mine [data-testid='ticket-item']"))).click();
        browser.until(d -> d.findElements(Browser.testId("conversation-message")).stream()
                .anyMatch(m -> m.getText().contains("电池包单体压差大") && m.getText().contains("技师")));
        browser.until(d -> photosLoaded("#messages", 2));
        String shown = (String) browser.script("return document.querySelector('#messages [data-testid=photo]').src");
        assertThat(shown).startsWith("blob:");
        browser.screenshot("console-tech-photos");
    }

    private String uploadFrom(String token, Path file) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpPort() + "/api/tech-photos"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
            return JsonMapper.shared().readTree(r.body()).get("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
