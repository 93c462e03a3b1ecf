package org.huiying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huiying.server.staff.Role;
import org.huiying.server.support.Api;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default, walked over the API document the server publishes: every operation under {@code /api/**}
 * states the roles it lets in ({@code x-roles}) or is public by decision ({@code x-public}), and each staff
 * role it does not list is refused with {@code 403} before anything about the request is looked at (path
 * variables that are not even numbers, an empty body). An endpoint that states nothing, planted for the test,
 * is the one the walk finds, and it refuses even a person holding every role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationCoverageIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @TempDir
    static Path dataDir;

    RunningServer server;
    Api api;
    /** A staff member holding only this role, by role. */
    final Map<String, String> tokenOf = new LinkedHashMap<>();
    String everyRole;
    List<Operation> operations;

    /** One operation of the document: {@code GET /api/tickets/{id}} and what it says of itself. */
    record Operation(String method, String path, JsonNode spec) {

        boolean isPublic() {
            return spec.path("x-public").asBoolean(false);
        }

        List<String> roles() {
            return spec.has("x-roles") ? spec.get("x-roles").valueStream().map(JsonNode::asString).toList() : List.of();
        }

        boolean statesWhoMayCall() {
            return isPublic() || spec.has("x-roles");
        }

        /** Every path variable as {@code x1}: binding would refuse it, so a 403 proves the check came first. */
        String url() {
            return path.replaceAll("\\{[^}]+}", "x1");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @BeforeAll
    void oneStaffMemberPerRole() {
        server = new RunningServer(dataDir, "--huiying.test.forgotten-endpoint=true").start();
        api = server.api();
        String admin = api.adminToken();
        for (Role role : Role.values()) {
            String username = "only." + role.name().toLowerCase();
            api.createStaff(admin, username, role.name(), 1);
            tokenOf.put(role.name(), api.loginStaff(username));
        }
        Api.Response all = api.post("/api/staff", admin, Map.of("username", "every.role", "password", "password-every.role",
                "displayName", "全部角色", "roles", Arrays.stream(Role.values()).map(Role::name).toList(), "maxConcurrent", 1));
        assertThat(all.status()).as(all.raw()).isEqualTo(201);
        everyRole = api.loginStaff("every.role");

        Api.Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        operations = new ArrayList<>();
        document.body().get("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                METHODS.stream().filter(m -> path.getValue().has(m))
                        .forEach(m -> operations.add(new Operation(m, path.getKey(), path.getValue().get(m))));
            }
        });
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void theDocumentKnowsEveryStaffRole() {
        assertThat(DeclaredRoles.STAFF_ROLES).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
    }

    @Test
    void everyOperationStatesItsRolesOrIsPublicByDecisionAndOnlyThePlantedOneForgot() {
        assertThat(operations).hasSizeGreaterThan(80);
        List<String> forgotten = operations.stream().filter(o -> !o.statesWhoMayCall()).map(Operation::toString).toList();
        assertThat(forgotten).containsExactly("POST " + ForgottenEndpoint.PATH);
        for (Operation o : operations) {
            if (o.statesWhoMayCall()) {
                assertThat(o.isPublic() && o.spec().has("x-roles")).as(o + " is public and has roles").isFalse();
                assertThat(o.isPublic() || !o.roles().isEmpty()).as(o + " lets no role in").isTrue();
                assertThat(DeclaredRoles.STAFF_ROLES).as(o.toString()).containsAll(o.roles());
            }
        }
    }

    @Test
    void theDocumentListsTheRolesEachRuleLetsIn() {
        assertThat(operation("get", "/api/test-only/admin-only").roles()).containsExactly("ADMIN");
        Operation staffList = operation("get", "/api/staff");
        assertThat(staffList.roles()).containsExactlyInAnyOrder("SUPERVISOR", "ADMIN");
        assertThat(operation("get", "/api/staff/me").roles()).containsExactlyInAnyOrderElementsOf(DeclaredRoles.STAFF_ROLES);
        assertThat(operation("post", "/api/customers/{id}/reveal").roles())
                .as("huiying.privacy.reveal-roles, configured").containsExactlyInAnyOrder("SUPERVISOR", "ADMIN");
        assertThat(operation("post", "/api/auth/login").isPublic()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesEveryRoleItDoesNotList() {
        return operations.stream().filter(o -> !o.isPublic() && o.spec().has("x-roles"))
                .flatMap(o -> DeclaredRoles.STAFF_ROLES.stream().filter(role -> !o.roles().contains(role))
                        .map(role -> DynamicTest.dynamicTest(o + " as " + role, () -> {
                            HttpResponse<String> answer = call(o, tokenOf.get(role));
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
                            assertThat(error(answer)).as(answer.body()).isEqualTo("forbidden");
                        })));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationThatIsNotPublicWantsAStaffToken() {
        return operations.stream().filter(o -> !o.isPublic()).map(o -> DynamicTest.dynamicTest(o.toString(), () -> {
            HttpResponse<String> answer = call(o, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(error(answer)).isEqualTo("unauthorized");
        }));
    }

    /** Public by decision means the security chain lets a caller without a staff token through to the handler. */
    @TestFactory
    Stream<DynamicTest> everyPublicOperationIsReachedWithoutAStaffToken() {
        return operations.stream().filter(Operation::isPublic).map(o -> DynamicTest.dynamicTest(o.toString(), () -> {
            HttpResponse<String> answer = call(o, null);
            assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
            assertThat(answer.body()).doesNotContain("\"error\":\"unauthorized\"", "\"error\":\"forbidden\"");
        }));
    }

    @Test
    void anEndpointThatStatesNoRolesRefusesEvenSomeoneHoldingEveryRole() throws Exception {
        Operation forgotten = operation("post", ForgottenEndpoint.PATH);
        HttpResponse<String> answer = call(forgotten, everyRole);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(error(answer)).isEqualTo("forbidden");
        HttpResponse<String> wellFormed = send(HttpRequest.newBuilder(URI.create(base() + "/api/test-only/forgotten/1"))
                .header("Authorization", "Bearer " + everyRole).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
        assertThat(wellFormed.statusCode()).as(wellFormed.body()).isEqualTo(403);
        assertThat(wellFormed.body()).doesNotContain("reached");
    }

    /** No path rule of the security chain covers the merge: only the handler's own rule can refuse it this early. */
    @Test
    void aRoleCheckAnswersBeforeThePathAndBodyAreRead() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + "/api/customers/not-a-number/merge"))
                .header("Authorization", "Bearer " + tokenOf.get("AGENT")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json at all")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(error(answer)).isEqualTo("forbidden");
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(base() + "/api/customers/not-a-number/merge"))
                .header("Authorization", "Bearer " + tokenOf.get("SUPERVISOR")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json at all")));
        assertThat(allowed.statusCode()).as("a role the rule lets in meets the validation").isEqualTo(400);
    }

    @Test
    void methodSecurityChecksTheSameRuleWhenTheHandlerIsCalledWithoutTheWeb() {
        AdminOnlyEndpoint endpoint = server.bean(AdminOnlyEndpoint.class);
        try {
            SecurityContextHolder.getContext().setAuthentication(staffWith("AGENT"));
            assertThatThrownBy(endpoint::adminOnly).isInstanceOf(AccessDeniedException.class);
            SecurityContextHolder.getContext().setAuthentication(staffWith("ADMIN"));
            assertThat(endpoint.adminOnly()).containsEntry("reached", true);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static UsernamePasswordAuthenticationToken staffWith(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("1", null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    private Operation operation(String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the document: " + method + " " + path));
    }

    /** The request a client of this operation would send, with a JSON body {@code {}} where the operation takes one. */
    private HttpResponse<String> call(Operation o, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + o.url()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean body = o.spec().has("requestBody");
        request.header("Content-Type", "application/json");
        request.method(o.method().toUpperCase(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    private static String error(HttpResponse<String> answer) {
        return answer.body().isEmpty() ? "" : JsonMapper.shared().readTree(answer.body()).path("error").asString();
    }
}
