package org.huiying.server.staff;

import java.util.List;
import java.util.Map;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.security.AnyStaff;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StaffController {

    private final StaffService service;
    private final StaffRepository repository;
    private final StaffPhones phones;

    StaffController(StaffService service, StaffRepository repository, StaffPhones phones) {
        this.phones = phones;
        this.service = service;
        this.repository = repository;
    }

    /** Admins only (enforced by the security configuration). */
    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(@RequestBody NewStaff body) {
        return StaffView.of(service.create(body));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/staff")
    List<StaffView> list(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN") && !me.has("SUPERVISOR")) {
            throw ApiException.forbidden("Only supervisors and admins list staff.");
        }
        return repository.findAll().stream().map(StaffView::of).toList();
    }

    @AnyStaff
    @GetMapping("/api/staff/me")
    StaffView me(Authentication auth) {
        return repository.findById(CurrentStaff.of(auth).id()).map(StaffView::of)
                .orElseThrow(() -> ApiException.notFound("staff member"));
    }

    @AnyStaff
    @PutMapping("/api/staff/me/presence")
    Map<String, String> presence(@RequestBody PresenceBody body, Authentication auth) {
        Presence presence = body.valid();
        service.setPresence(CurrentStaff.of(auth).id(), presence);
        return Map.of("status", presence.name());
    }

    /** The caller's own phone for hotline calls, masked as every screen shows numbers. */
    @AnyStaff
    @GetMapping("/api/staff/me/phone")
    Map<String, Object> myPhone(Authentication auth) {
        return phoneView(phones.phoneOf(CurrentStaff.of(auth).id()).orElse(null));
    }

    /** Sets (any common spelling, stored as E.164) or clears ({@code null} or empty) the caller's own phone. */
    @AnyStaff
    @PutMapping("/api/staff/me/phone")
    Map<String, Object> setMyPhone(@RequestBody(required = false) PhoneBody body, Authentication auth) {
        String raw = body == null || body.phone() == null ? "" : body.phone().strip();
        String e164 = raw.isEmpty() ? null : PhoneNumbers.e164(raw)
                .orElseThrow(() -> ApiException.badRequest("invalid_phone", "Not a phone number: " + PhoneNumbers.mask(raw)));
        phones.setPhone(CurrentStaff.of(auth).id(), e164);
        return phoneView(e164);
    }

    record PhoneBody(String phone) {
    }

    private static Map<String, Object> phoneView(String phone) {
        return phone == null ? Map.of("set", false) : Map.of("set", true, "phone", PhoneNumbers.mask(phone));
    }

    record PresenceBody(String status) {
        Presence valid() {
            try {
                return Presence.valueOf(status);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.badRequest("invalid_status", "status: ONLINE, AWAY or OFFLINE");
            }
        }
    }
}
