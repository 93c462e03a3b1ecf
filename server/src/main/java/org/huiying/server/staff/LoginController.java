package org.huiying.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.huiying.server.security.StaffTokens;
import org.huiying.server.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String decoyHash;

    private final StaffRepository repository;
    private final PasswordEncoder passwords;
    private final StaffTokens tokens;
    private final LoginThrottle throttle;

    LoginController(StaffRepository repository, PasswordEncoder passwords, StaffTokens tokens, LoginThrottle throttle) {
        this.throttle = throttle;
        this.repository = repository;
        this.passwords = passwords;
        this.tokens = tokens;
        this.decoyHash = passwords.encode("decoy-password-never-used");
    }

    @PostMapping("/api/auth/login")
    Map<String, Object> login(@RequestBody Credentials body, HttpServletRequest request) {
        if (body.username() == null || body.password() == null) {
            throw ApiException.badRequest("missing_credentials", "username and password are required");
        }
        String address = request.getRemoteAddr();
        throttle.check(body.username(), address);
        var staff = repository.findByUsername(body.username());
        boolean ok = passwords.matches(body.password(), staff.map(Staff::passwordHash).orElse(decoyHash));
        if (staff.isEmpty() || !ok) {
            throttle.failed(body.username(), address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "bad_credentials", "Wrong username or password.");
        }
        throttle.succeeded(body.username());
        Staff s = staff.get();
        return Map.of("token", tokens.issue(s.id(), s.username(), s.roleNames()),
                "staffId", s.id(), "roles", s.roleNames(), "displayName", s.displayName());
    }

    record Credentials(String username, String password) {
    }
}
