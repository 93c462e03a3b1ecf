package org.huiying.server.staff;

import java.util.Map;
import org.huiying.server.security.AnyStaff;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.StaffTokens;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing one's own password (proving the current one), an admin's reset, and disabling an
 * account. Each ends every token the account held; one's own change answers with a fresh login so
 * the page it was made from keeps working.
 */
@RestController
class PasswordController {

    private final StaffService service;
    private final StaffRepository repository;
    private final PasswordEncoder passwords;
    private final StaffTokens tokens;

    PasswordController(StaffService service, StaffRepository repository, PasswordEncoder passwords, StaffTokens tokens) {
        this.service = service;
        this.repository = repository;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @AnyStaff
    @PutMapping("/api/staff/me/password")
    Map<String, Object> change(@RequestBody Change body, Authentication auth) {
        Staff me = repository.findById(CurrentStaff.of(auth).id()).orElseThrow(() -> ApiException.notFound("staff member"));
        NewStaff.refuseTooLong(body.currentPassword());
        if (body.currentPassword() == null || !passwords.matches(body.currentPassword(), me.passwordHash())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "wrong_password", "当前密码不正确。The current password is wrong.");
        }
        return LoginController.session(service.changePassword(me.id(), body.newPassword()), tokens);
    }

    /** Admins only (security configuration). The person logs in again with the new password. */
    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/staff/{id}/password")
    Map<String, Object> reset(@PathVariable long id, @RequestBody Reset body) {
        service.changePassword(id, body.newPassword());
        return Map.of("status", "RESET");
    }

    /** Admins only (security configuration). */
    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/staff/{id}/disabled")
    StaffView disable(@PathVariable long id, @RequestBody Disabled body, Authentication auth) {
        if (body.disabled() == null) {
            throw ApiException.badRequest("invalid_disabled", "disabled: true or false");
        }
        if (body.disabled() && id == CurrentStaff.of(auth).id()) {
            throw ApiException.conflict("cannot_disable_self", "An admin cannot disable their own account.");
        }
        return StaffView.of(service.setDisabled(id, body.disabled()));
    }

    record Change(String currentPassword, String newPassword) {
    }

    record Reset(String newPassword) {
    }

    record Disabled(Boolean disabled) {
    }
}
