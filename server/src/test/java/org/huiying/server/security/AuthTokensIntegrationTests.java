package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.huiying.server.support.StompClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Staff tokens as an attacker meets them: short-lived access tokens, single-use refresh tokens
 * (a replayed one revokes the lot), and revocation that reaches REST, STOMP CONNECT and an
 * already open STOMP session the moment a password changes or an account is disabled.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthTokensIntegrationTests {

    static final String SECRET = "a-configured-jwt-secret-of-at-least-32-bytes!";

    @TempDir
    static Path dataDir;

    static RunningServer server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        server = new RunningServer(dataDir, "--huiying.security.jwt-secret=" + SECRET,
                "--logging.level.org.huiying=DEBUG").start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Api.Response login(String username, String password) {
        return api.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    @Test
    void loginAnswersAShortLivedTokenAndARefreshTokenThatRotatesOnUse() {
        api.createStaff(admin, "rot.agent", "AGENT", 1);
        Api.Response first = login("rot.agent", "password-rot.agent");
        assertThat(first.body().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(first.text("token")).isNotBlank();

        Api.Response second = api.post("/api/auth/refresh", null, Map.of("refreshToken", first.text("refreshToken")));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refreshToken")).isNotEqualTo(first.text("refreshToken"));
        assertThat(api.get("/api/staff/me", second.text("token")).status()).isEqualTo(200);

        // the first refresh token was used: replaying it is theft, and ends the thief's and the owner's
        Api.Response replay = api.post("/api/auth/refresh", null, Map.of("refreshToken", first.text("refreshToken")));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("error")).isEqualTo("invalid_refresh_token");
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", second.text("refreshToken"))).status()).isEqualTo(401);
        // and the access tokens already handed out stop working too
        assertThat(api.get("/api/staff/me", second.text("token")).status()).isEqualTo(401);
        assertThat(api.get("/api/staff/me", first.text("token")).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", "rt_forged")).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, Map.of()).status()).isEqualTo(401);

        Api.Response third = login("rot.agent", "password-rot.agent");
        assertThat(api.post("/api/auth/logout", null, Map.of("refreshToken", third.text("refreshToken"))).status()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", third.text("refreshToken"))).status()).isEqualTo(401);
    }

    @Test
    void fiftyParallelWrongPasswordsForOneAccountGetAtMostFivePasswordChecks() throws Exception {
        api.createStaff(admin, "race.agent", "AGENT", 1);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return login("race.agent", "wrong-password-guess").status();
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
            for (Future<Integer> a : answers) {
                byStatus.merge(a.get(), 1, Integer::sum);
            }
            assertThat(byStatus.getOrDefault(401, 0)).as(byStatus.toString()).isLessThanOrEqualTo(5);
            assertThat(byStatus.keySet()).as(byStatus.toString()).isSubsetOf(401, 423, 429);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedWith400() {
        String tooLong = "汉".repeat(25); // 75 bytes in UTF-8, 25 characters
        Api.Response create = api.post("/api/staff", admin, Map.of("username", "long.pw", "password", tooLong, "displayName", "长密码",
                "roles", List.of("AGENT"), "skills", List.of(), "maxConcurrent", 1));
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.text("error")).isEqualTo("password_too_long");
        Api.Response login = login("admin", tooLong);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.text("error")).isEqualTo("password_too_long");
        api.createStaff(admin, "pw.changer", "AGENT", 1);
        Api.Response change = api.put("/api/staff/me/password", api.loginStaff("pw.changer"),
                Map.of("currentPassword", "password-pw.changer", "newPassword", tooLong));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.text("error")).isEqualTo("password_too_long");
    }

    @Test
    void requestsWithoutWithABadOrAnExpiredTokenGet401() {
        api.createStaff(admin, "exp.agent", "AGENT", 1);
        long id = api.get("/api/staff/me", api.loginStaff("exp.agent")).body().get("id").asLong();
        assertThat(api.get("/api/tickets", null).status()).isEqualTo(401);
        assertThat(api.get("/api/tickets", "not-a-jwt").status()).isEqualTo(401);
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = server.bean(JwtEncoder.class).encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("huiying").subject(Long.toString(id)).issuedAt(past.minusSeconds(900))
                        .expiresAt(past).claim("roles", List.of("AGENT")).claim("ver", 0).build())).getTokenValue();
        Api.Response refused = api.get("/api/tickets", expired);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("error")).isEqualTo("unauthorized");
    }

    @Test
    void theConfiguredSecretSignsTokensAndIsNeverLogged(CapturedOutput output) throws Exception {
        api.createStaff(admin, "key.agent", "AGENT", 1);
        long id = api.get("/api/staff/me", api.loginStaff("key.agent")).body().get("id").asLong();
        SignedJWT minted = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer("huiying")
                .subject(Long.toString(id)).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .claim("roles", List.of("AGENT")).claim("ver", 0).build());
        minted.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.get("/api/staff/me", minted.serialize()).status()).isEqualTo(200);
        SignedJWT otherKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), minted.getJWTClaimsSet());
        otherKey.sign(new MACSigner("another-secret-of-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)));
        assertThat(api.get("/api/staff/me", otherKey.serialize()).status()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void changingOnesPasswordRevokesEveryOlderTokenOnRestAndStomp() {
        api.createStaff(admin, "pw.agent", "AGENT", 1);
        Api.Response old = login("pw.agent", "password-pw.agent");
        String oldToken = old.text("token");
        try (StompClient openSession = StompClient.connect(server.stompUri(), oldToken)) {
            assertThat(api.put("/api/staff/me/password", oldToken, Map.of("currentPassword", "wrong-one", "newPassword", "new-password-1"))
                    .status()).isEqualTo(403);
            Api.Response changed = api.put("/api/staff/me/password", oldToken,
                    Map.of("currentPassword", "password-pw.agent", "newPassword", "new-password-1"));
            assertThat(changed.status()).isEqualTo(200);

            assertThat(api.get("/api/staff/me", oldToken).status()).isEqualTo(401);
            assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", old.text("refreshToken"))).status()).isEqualTo(401);
            assertThat(api.get("/api/staff/me", changed.text("token")).status()).isEqualTo(200);
            assertThat(login("pw.agent", "password-pw.agent").status()).isEqualTo(401);
            assertThat(login("pw.agent", "new-password-1").status()).isEqualTo(200);

            // the open desk session is closed at once (policy violation), before it asks for anything
            assertThat(openSession.await(f -> f.command().equals("CLOSED")).headers().get("status")).isEqualTo("1008");
            try (StompClient again = StompClient.open(server.stompUri(), oldToken)) {
                assertThat(again.await(f -> !f.command().equals("CONNECTED")).command()).isIn("ERROR", "CLOSED");
            }
        }
    }

    @Test
    void anAdminResetOrDisablingEndsTheAccountsTokens() {
        long id = api.createStaff(admin, "gone.agent", "AGENT", 1);
        String before = api.loginStaff("gone.agent");
        assertThat(api.put("/api/staff/" + id + "/password", admin, Map.of("newPassword", "short")).status()).isEqualTo(400);
        assertThat(api.put("/api/staff/" + id + "/password", admin, Map.of("newPassword", "reset-password-1")).status()).isEqualTo(200);
        assertThat(api.get("/api/staff/me", before).status()).isEqualTo(401);

        Api.Response fresh = login("gone.agent", "reset-password-1");
        assertThat(api.put("/api/staff/" + id + "/disabled", admin, Map.of("disabled", true)).status()).isEqualTo(200);
        assertThat(api.get("/api/staff/me", fresh.text("token")).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", fresh.text("refreshToken"))).status()).isEqualTo(401);
        Api.Response disabled = login("gone.agent", "reset-password-1");
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.text("error")).isEqualTo("account_disabled");

        assertThat(api.put("/api/staff/" + id + "/disabled", admin, Map.of("disabled", false)).status()).isEqualTo(200);
        assertThat(login("gone.agent", "reset-password-1").status()).isEqualTo(200);
    }

    @Test
    void theStaffSocketRefusesForeignPagesOversizedFramesAndForgedPushes() {
        api.createStaff(admin, "sock.boss", "SUPERVISOR", 1);
        api.createStaff(admin, "sock.boss2", "SUPERVISOR", 1);
        String boss = api.loginStaff("sock.boss");
        assertThat(TestSocket.refusal(server.stompUri(), Map.of("Origin", "https://evil.example"))).isEqualTo(403);
        try (TestSocket own = TestSocket.open(server.stompUri(), Map.of("Origin", "http://127.0.0.1:" + server.httpPort()))) {
            own.sendQuietly("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + boss + "\n\n\0");
            assertThat(own.awaitText()).startsWith("CONNECTED");
            own.sendQuietly("SEND\ndestination:/topic/x\n\n" + "x".repeat(70 * 1024) + "\0");
            assertThat(own.awaitCloseCode()).isEqualTo(1009);
        }

        String watcher = api.loginStaff("sock.boss2");
        long watcherId = api.get("/api/staff/me", watcher).body().get("id").asLong();
        try (StompClient board = StompClient.connect(server.stompUri(), watcher);
             TestSocket forger = TestSocket.open(server.stompUri(), Map.of())) {
            board.subscribe("/topic/sla");
            server.awaitSubscribed(watcherId, "/topic/sla");
            forger.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + boss + "\n\n\0");
            assertThat(forger.awaitText()).startsWith("CONNECTED");
            forger.sendQuietly("SEND\ndestination:/topic/sla\ncontent-type:application/json\n\n{\"ticketId\":\"tk_fake\",\"state\":\"BREACHED\"}\0");
            assertThat(forger.awaitTextOrClose()).matches("(?s)ERROR.*|CLOSED");
            assertThat(board.drain(Duration.ofMillis(500))).noneMatch(f -> f.command().equals("MESSAGE"));
        }
    }
}
