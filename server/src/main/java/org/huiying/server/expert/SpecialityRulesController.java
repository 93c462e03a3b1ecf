package org.huiying.server.expert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.huiying.routing.expertise.DtcSpecialities;
import org.huiying.server.runtime.EditableRule;
import org.huiying.server.runtime.RuleErrors;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The fault-code → speciality table as data: shipped lines, the admin's own (edited, in force everywhere), a try-it box. */
@RestController
class SpecialityRulesController {

    static final int MAX_TEXT = 100_000;

    private final Specialities specialities;

    SpecialityRulesController(Specialities specialities) {
        this.specialities = specialities;
    }

    record RulesView(String shipped, String text, Long updatedBy, java.time.Instant updatedAt) {
    }

    record TextBody(String text) {
    }

    record Tried(String code, String speciality) {
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/rules/dtc-specialities")
    RulesView rules(Authentication auth) {
        readers(auth);
        EditableRule.Text text = specialities.rules().text();
        return new RulesView(shipped(), text.body(), text.updatedBy(), text.updatedAt());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/rules/dtc-specialities")
    RulesView replace(@RequestBody(required = false) TextBody body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN")) {
            throw ApiException.forbidden("Only admins change the fault-code table.");
        }
        String text = body == null || body.text() == null ? "" : body.text();
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", "text: at most " + MAX_TEXT + " characters");
        }
        try {
            specialities.rules().replace(text, me.id());
        } catch (IllegalArgumentException e) {
            throw RuleErrors.invalid(e);
        }
        return rules(auth);
    }

    @PreAuthorize("hasAnyRole('EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/rules/dtc-specialities/test")
    Tried test(@RequestBody Map<String, String> body, Authentication auth) {
        readers(auth);
        String code = body.getOrDefault("code", "").strip().toUpperCase(Locale.ROOT);
        if (!DtcSpecialities.CODE.matcher(code).matches()) {
            throw ApiException.badRequest("invalid_dtc_codes", "code: a fault code such as P0AA6");
        }
        return new Tried(code, specialities.rules().get().specialityOf(code).orElse(null));
    }

    private static void readers(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN") && !me.has("SUPERVISOR") && !me.has("EXPERT")) {
            throw ApiException.forbidden("Only experts, supervisors and admins see the fault-code table.");
        }
    }

    private static String shipped() {
        try (InputStream in = DtcSpecialities.class.getResourceAsStream("/org/huiying/routing/classification/dtc-specialities.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
