package org.huiying.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huiying.server.security.PublicEndpoint;
import org.huiying.server.security.RefreshTokens;
import org.huiying.server.security.StaffTokens;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logging in for a short-lived access token plus a single-use refresh token, and trading the
 * refresh token for a new pair. A disabled account, or a refresh token issued before the last
 * password change, gets nothing.
 */
@RestController
class LoginController {

    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String decoyHash;

    private final StaffRepository repository;
    private final PasswordEncoder passwords;
    private final StaffTokens tokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    LoginController(StaffRepository repository, PasswordEncoder passwords, StaffTokens tokens, RefreshTokens refreshTokens,
                    LoginThrottle throttle) {
        this.throttle = throttle;
        this.repository = repository;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.decoyHash = passwords.encode("decoy-password-never-used");
    }

    @PublicEndpoint
    @PostMapping("/api/auth/login")
    Map<String, Object> login(@RequestBody Credentials body, HttpServletRequest request) {
        if (body.username() == null || body.password() == null) {
            throw ApiException.badRequest("missing_credentials", "username and password are required");
        }
        NewStaff.refuseTooLong(body.password());
        String address = request.getRemoteAddr();
        throttle.reserve(body.username(), address);
        var staff = repository.findByUsername(body.username());
        boolean ok = passwords.matches(body.password(), staff.map(Staff::passwordHash).orElse(decoyHash));
        if (staff.isEmpty() || !ok) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "bad_credentials", "Wrong username or password.");
        }
        throttle.succeeded(body.username(), address);
        if (staff.get().disabled()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "account_disabled", "账号已停用。This account is disabled.");
        }
        return session(staff.get());
    }

    /** Single use: the answer carries the next refresh token; presenting a used one revokes them all. */
    @PublicEndpoint
    @PostMapping("/api/auth/refresh")
    Map<String, Object> refresh(@RequestBody RefreshBody body) {
        var holder = refreshTokens.redeem(body.refreshToken())
                .orElseThrow(LoginController::invalidRefresh);
        Staff staff = repository.findById(holder.staffId())
                .filter(s -> !s.disabled() && s.tokenVersion() == holder.tokenVersion())
                .orElseThrow(LoginController::invalidRefresh);
        return session(staff);
    }

    /** Ends the refresh token; the access token runs out within minutes by itself. */
    @PublicEndpoint
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshBody body) {
        refreshTokens.revoke(body.refreshToken());
    }

    /** The login answer; {@code token} is the contract's field, the rest is for clients that refresh. */
    static Map<String, Object> session(Staff s, StaffTokens tokens) {
        StaffTokens.Issued issued = tokens.issue(s.id(), s.username(), s.roleNames(), s.tokenVersion());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", issued.token());
        answer.put("refreshToken", issued.refreshToken());
        answer.put("expiresIn", issued.expiresIn());
        answer.put("staffId", s.id());
        answer.put("roles", s.roleNames());
        answer.put("displayName", s.displayName());
        return answer;
    }

    private Map<String, Object> session(Staff s) {
        return session(s, tokens);
    }

    private static ApiException invalidRefresh() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token", "登录已失效，请重新登录。The refresh token is invalid, used or expired.");
    }

    record Credentials(String username, String password) {
    }

    record RefreshBody(String refreshToken) {
    }
}
