package org.huiying.server.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huiying.routing.support.TestClock;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The technicians' desk over HTTP: photos are pictures and nothing else, belong to the question they
 * were sent with and are seen by exactly the people who may see it; bad uploads leave nothing behind;
 * the technician reads solved questions like theirs, hears the answer live, and closes the question.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TechDeskContract {

    final TestClock clock = new TestClock(Instant.parse("2026-11-23T02:00:00Z"));
    RunningServer server;
    Api api;
    String admin;
    String expert;
    long expertId;
    String supervisor;
    String agent;
    int technicians;

    protected abstract RunningServer newServer();

    @BeforeAll
    void start() {
        server = newServer().withClock(clock).start();
        api = server.api();
        admin = api.adminToken();
        expertId = api.createStaff(admin, "hv.expert", "EXPERT", 50, "high-voltage", "battery");
        api.createStaff(admin, "boss", "SUPERVISOR", 1);
        api.createStaff(admin, "agent.li", "AGENT", 1);
        expert = api.loginStaff("hv.expert");
        supervisor = api.loginStaff("boss");
        agent = api.loginStaff("agent.li");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A technician of their own for each test: photos waiting to be sent are counted per technician. */
    String newTechnician() {
        String name = "tech." + (++technicians);
        api.createStaff(admin, name, "TECHNICIAN", 1);
        return api.loginStaff(name);
    }

    TestPhotos.Upload upload(String token, byte[] data) {
        return TestPhotos.upload(server.httpPort(), token, data, "image/jpeg");
    }

    String uploaded(String token) {
        TestPhotos.Upload up = upload(token, TestPhotos.jpeg(TestPhotos.redLeftBlueRight(64, 48)));
        assertThat(up.status()).isEqualTo(201);
        return up.id();
    }

    TestPhotos.Download download(String token, String url) {
        return TestPhotos.download(server.httpPort(), token, url);
    }

    static Map<String, Object> question(String text, List<String> codes, List<String> photoIds) {
        return Map.of("vin", "LSVAU2180N2183294", "model", "汉EV", "dtcCodes", codes, "mileage", 86000, "text", text,
                "photoIds", photoIds);
    }

    long photoRows() {
        return server.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM tech_photo").query(Long.class).single();
    }

    long questionRows() {
        return server.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM tech_question").query(Long.class).single();
    }

    List<Path> photoFiles() {
        Path dir = server.dataDir().resolve("tech-photos");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPhoneJpegIsStoredUprightWithoutItsMetadata() {
        String tech = newTechnician();
        TestPhotos.Upload up = upload(tech, TestPhotos.phoneJpeg(TestPhotos.redLeftBlueRight(80, 40), 6));

        assertThat(up.status()).isEqualTo(201);
        assertThat(up.body().get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(up.body().get("width").asInt()).isEqualTo(40);
        assertThat(up.body().get("height").asInt()).isEqualTo(80);
        TestPhotos.Download photo = download(tech, up.body().get("url").asString());
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(TestPhotos.contains(photo.body(), "Exif")).isFalse();
        assertThat(TestPhotos.contains(photo.body(), TestPhotos.CAMERA)).isFalse();
        assertThat(TestPhotos.contains(photo.body(), TestPhotos.GPS_NOTE)).isFalse();
        BufferedImage upright = TestPhotos.decode(photo.body());
        assertThat(TestPhotos.isRed(upright.getRGB(20, 10))).as("the sensor's left half is on top").isTrue();
        assertThat(photoFiles()).anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo(up.id() + ".jpg"));
    }

    @Test
    void nonImagesAndOversizedUploadsAreRefusedAndNothingIsStored() {
        String tech = newTechnician();
        long rowsBefore = photoRows();
        int filesBefore = photoFiles().size();

        assertThat(upload(tech, "这不是图片，是一份维修手册".getBytes(java.nio.charset.StandardCharsets.UTF_8)).error())
                .isEqualTo("not_an_image");
        assertThat(TestPhotos.upload(server.httpPort(), tech, "GIF89a..".getBytes(), "image/gif").error()).isEqualTo("not_an_image");
        byte[] jpeg = TestPhotos.jpeg(TestPhotos.redLeftBlueRight(64, 48));
        TestPhotos.Upload broken = upload(tech, java.util.Arrays.copyOf(jpeg, 40));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).isEqualTo("unreadable_image");
        TestPhotos.Upload tooBig = upload(tech, TestPhotos.jpegOfSize(5 * 1024 * 1024 + 1));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(upload(tech, new byte[0]).error()).isEqualTo("empty_photo");
        assertThat(upload(agent, jpeg).status()).isEqualTo(403);
        assertThat(upload(expert, jpeg).status()).isEqualTo(403);

        assertThat(photoRows()).isEqualTo(rowsBefore);
        assertThat(photoFiles()).hasSize(filesBefore);
        assertThat(upload(tech, TestPhotos.jpegOfSize(5 * 1024 * 1024)).status()).as("exactly 5 MB").isEqualTo(201);
    }

    @Test
    void photosSentWithAQuestionAreSeenByWhoMaySeeTheQuestionOnly() {
        String tech = newTechnician();
        String otherTech = newTechnician();
        String first = uploaded(tech);
        String second = TestPhotos.upload(server.httpPort(), tech, TestPhotos.png(TestPhotos.redLeftBlueRight(30, 30)), "image/png").id();
        String url = "/api/tech-photos/" + first;
        assertThat(download(otherTech, url).status()).as("not yet sent: the uploader's alone").isEqualTo(404);
        assertThat(download(expert, url).status()).isEqualTo(404);

        Api.Response asked = api.post("/api/tech-questions", tech, question("高压互锁故障，仪表照片见附件", List.of("P0AA6"), List.of(first, second)));

        assertThat(asked.status()).isEqualTo(201);
        JsonNode photos = asked.body().get("uploadedPhotos");
        assertThat(photos.findValuesAsString("id")).containsExactly(first, second);
        assertThat(photos.get(1).get("contentType").asString()).isEqualTo("image/png");
        String ticketId = asked.body().get("ticketId").asString();
        String conversationId = asked.body().path("ticket").get("conversationId").asString();
        JsonNode message = api.get("/api/conversations/" + conversationId + "/messages?afterSeq=0&limit=10", tech).body().get(0);
        assertThat(message.get("text").asString()).contains("[照片 2 张]");
        assertThat(photos.get(0).get("messageSeq").asLong()).isEqualTo(message.get("seq").asLong());

        assertThat(download(tech, url).status()).isEqualTo(200);
        assertThat(download(expert, url).status()).isEqualTo(200);
        assertThat(download(supervisor, url).status()).isEqualTo(200);
        assertThat(download(otherTech, url).status()).isEqualTo(404);
        assertThat(download(agent, url).status()).isEqualTo(404);
        assertThat(download(null, url).status()).isEqualTo(401);
        assertThat(download(expert, "/api/tech-photos/ph_nosuchphotoatall").status()).isEqualTo(404);
        assertThat(api.get("/api/tech-questions/" + ticketId, expert).body().path("question").get("uploadedPhotos")).hasSize(2);

        long questions = questionRows();
        assertThat(api.post("/api/tech-questions", tech, question("再问一次", List.of(), List.of(first))).text("error"))
                .as("a photo goes with one question").isEqualTo("invalid_photo_ids");
        String othersPhoto = uploaded(otherTech);
        assertThat(api.post("/api/tech-questions", tech, question("借用照片", List.of(), List.of(othersPhoto))).text("error"))
                .isEqualTo("invalid_photo_ids");
        assertThat(questionRows()).isEqualTo(questions);
    }

    @Test
    void moreThanTenPhotosAreRefusedAndTheQuestionIsNotAsked() {
        String tech = newTechnician();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            ids.add(uploaded(tech));
        }
        long questions = questionRows();

        Api.Response eleven = api.post("/api/tech-questions", tech, question("十一张照片", List.of(), ids));
        assertThat(eleven.status()).isEqualTo(400);
        assertThat(eleven.text("error")).isEqualTo("too_many_photos");
        assertThat(questionRows()).isEqualTo(questions);
        Api.Response tenLinksAndOne = api.post("/api/tech-questions", tech, Map.of("text", "链接加照片",
                "photos", java.util.Collections.nCopies(10, "https://dealer.example.com/p.jpg"), "photoIds", ids.subList(0, 1)));
        assertThat(tenLinksAndOne.text("error")).isEqualTo("too_many_photos");

        String ticketId = api.post("/api/tech-questions", tech, question("十张照片", List.of(), ids.subList(0, 10))).body()
                .get("ticketId").asString();
        Api.Response eleventh = api.post("/api/tech-questions/" + ticketId + "/messages", tech,
                Map.of("text", "再补一张", "photoIds", ids.subList(10, 11)));
        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.text("error")).isEqualTo("too_many_photos");
        assertThat(api.get("/api/tech-questions/" + ticketId, tech).body().path("question").get("uploadedPhotos")).hasSize(10);
    }

    @Test
    void photosWaitingToBeSentAreLimitedAndDroppedAfterADay() {
        String tech = newTechnician();
        String old = uploaded(tech);
        for (int i = 1; i < TechPhotos.MAX_UNSENT; i++) {
            uploaded(tech);
        }
        TestPhotos.Upload tooMany = upload(tech, TestPhotos.jpeg(TestPhotos.redLeftBlueRight(8, 8)));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.error()).isEqualTo("too_many_unsent_photos");

        clock.advance(Duration.ofHours(25));
        uploaded(tech);

        assertThat(download(tech, "/api/tech-photos/" + old).status()).isEqualTo(404);
        assertThat(photoFiles()).noneSatisfy(f -> assertThat(f.getFileName().toString()).startsWith(old));
    }

    @Test
    void theTechnicianReadsHowASimilarQuestionWasSolvedBeforeAndAfterAsking() {
        String tech = newTechnician();
        String solved = api.post("/api/tech-questions", tech, question("绝缘故障，无法上高压", List.of("P0AA6"), List.of())).body()
                .get("ticketId").asString();
        api.put("/api/staff/me/presence", expert, Map.of("status", "ONLINE"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/tickets/" + solved, expert).body().path("assignee").asLong() == expertId);
        api.post("/api/tickets/" + solved + "/messages", expert, Map.of("text", "断开维修开关后逐个测量高压部件绝缘电阻，PTC 加热器最常见。"));
        api.post("/api/tickets/" + solved + "/resolve", expert, "");
        api.put("/api/staff/me/presence", expert, Map.of("status", "OFFLINE"));

        JsonNode before = api.get("/api/tech-questions/similar?dtcCodes=p0aa6&model=" + java.net.URLEncoder.encode("汉EV",
                java.nio.charset.StandardCharsets.UTF_8), newTechnician()).body();
        assertThat(before.get(0).get("ticketId").asString()).isEqualTo(solved);
        assertThat(before.get(0).get("question").asString()).contains("绝缘故障");
        assertThat(before.get(0).get("answer").asString()).contains("PTC 加热器");
        assertThat(before.get(0).has("vin")).isFalse();

        String asked = api.post("/api/tech-questions", tech, question("又一台绝缘故障", List.of("P0AA6", "P0A80"), List.of())).body()
                .get("ticketId").asString();
        JsonNode similar = api.get("/api/tech-questions/" + asked, tech).body().get("similarQuestions");
        assertThat(similar.findValuesAsString("answer")).anySatisfy(a -> assertThat(a).contains("绝缘电阻"));
        assertThat(api.get("/api/tech-questions/similar?dtcCodes=NOTACODE", tech).text("error")).isEqualTo("invalid_dtc_codes");
        assertThat(api.get("/api/tech-questions/similar?dtcCodes=P0AA6", agent).status()).isEqualTo(403);
    }

    @Test
    void theTechnicianHearsTheAnswerLiveRepliesWithAPhotoAndClosesTheQuestion() {
        String tech = newTechnician();
        long techId = api.get("/api/staff/me", tech).body().get("id").asLong();
        api.put("/api/staff/me/presence", expert, Map.of("status", "ONLINE"));
        try (StompClient techDesk = StompClient.connect(server.stompUri(), tech);
             StompClient expertDesk = StompClient.connect(server.stompUri(), expert)) {
            techDesk.subscribe("/user/queue/messages");
            expertDesk.subscribe("/user/queue/messages");
            server.awaitSubscribed(techId, "/user/queue/messages");
            server.awaitSubscribed(expertId, "/user/queue/messages");
            String ticketId = api.post("/api/tech-questions", tech, question("电池包温差大", List.of("P0A80"), List.of(uploaded(tech))))
                    .body().get("ticketId").asString();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.get("/api/tickets/" + ticketId, expert).body().path("assignee").asLong() == expertId);

            api.post("/api/tickets/" + ticketId + "/messages", expert, Map.of("text", "请拍一下电池包冷却液管接头。"));
            JsonNode answer = techDesk.awaitMessage("/queue/messages").json();
            assertThat(answer.path("message").get("text").asString()).isEqualTo("请拍一下电池包冷却液管接头。");

            String photo = uploaded(tech);
            Api.Response reply = api.post("/api/tech-questions/" + ticketId + "/messages", tech, Map.of("photoIds", List.of(photo)));
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.text("text")).isEqualTo("[照片 1 张]");
            JsonNode toExpert = expertDesk.await(f -> f.command().equals("MESSAGE")
                    && f.json().path("message").path("from").asString().equals("technician")).json();
            assertThat(toExpert.get("ticketId").asString()).isEqualTo(ticketId);
            assertThat(download(expert, "/api/tech-photos/" + photo).status()).isEqualTo(200);
            assertThat(api.post("/api/tech-questions/" + ticketId + "/messages", tech, Map.of("text", " ")).text("error"))
                    .isEqualTo("empty_text");

            assertThat(api.post("/api/tech-questions/" + ticketId + "/close", expert, "").status()).isEqualTo(403);
            assertThat(api.post("/api/tech-questions/" + ticketId + "/close", newTechnician(), "").status()).isEqualTo(404);
            Api.Response closed = api.post("/api/tech-questions/" + ticketId + "/close", tech, "");
            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.body().path("ticket").get("status").asString()).isEqualTo("RESOLVED");
            assertThat(api.get("/api/tickets/" + ticketId, expert).body().get("status").asString()).isEqualTo("RESOLVED");
            assertThat(api.post("/api/tech-questions/" + ticketId + "/close", tech, "").text("error")).isEqualTo("ticket_resolved");
            assertThat(api.post("/api/tech-questions/" + ticketId + "/messages", tech, Map.of("text", "还有一个问题")).status())
                    .isEqualTo(409);
        } finally {
            api.put("/api/staff/me/presence", expert, Map.of("status", "OFFLINE"));
        }
    }
}
