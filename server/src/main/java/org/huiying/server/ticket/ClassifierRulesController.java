package org.huiying.server.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.huiying.routing.classification.Classification;
import org.huiying.routing.classification.ClassifierRules;
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

/**
 * The classifier's phrases as data: the shipped rules (read-only), the admin's own lines (edited,
 * checked line by line, in force on every node without a restart) and a try-it box. Admins edit;
 * supervisors and admins read and try.
 */
@RestController
class ClassifierRulesController {

    static final int MAX_TEXT = 100_000;

    private final Classifier classifier;

    ClassifierRulesController(Classifier classifier) {
        this.classifier = classifier;
    }

    record RulesView(String shipped, String text, Long updatedBy, java.time.Instant updatedAt) {
    }

    record TextBody(String text) {
    }

    record Tried(String type, String category, List<String> skills) {
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/rules/classifier")
    RulesView rules(Authentication auth) {
        readers(auth);
        EditableRule.Text text = classifier.rules().text();
        return new RulesView(shipped(), text.body(), text.updatedBy(), text.updatedAt());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/rules/classifier")
    RulesView replace(@RequestBody(required = false) TextBody body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN")) {
            throw ApiException.forbidden("Only admins change the classifier's rules.");
        }
        String text = body == null || body.text() == null ? "" : body.text();
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", "text: at most " + MAX_TEXT + " characters");
        }
        try {
            classifier.rules().replace(text, me.id());
        } catch (IllegalArgumentException e) {
            throw RuleErrors.invalid(e);
        }
        return rules(auth);
    }

    /** What the rules in force make of a sentence; with {@code rules}, what those (unsaved) lines would. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/rules/classifier/test")
    Tried test(@RequestBody Map<String, String> body, Authentication auth) {
        readers(auth);
        String sentence = body.getOrDefault("text", "");
        if (sentence.isBlank() || sentence.length() > 4000) {
            throw ApiException.badRequest("invalid_text", "text: 1 to 4000 characters");
        }
        Classification c;
        try {
            c = body.containsKey("rules") ? classifier.rules().parse(body.get("rules")).classify(sentence) : classifier.classify(sentence);
        } catch (IllegalArgumentException e) {
            throw RuleErrors.invalid(e);
        }
        return new Tried(c.type().name(), c.category() == null ? null : c.category().name(), List.copyOf(c.skills()));
    }

    private static void readers(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN") && !me.has("SUPERVISOR")) {
            throw ApiException.forbidden("Only supervisors and admins see the classifier's rules.");
        }
    }

    private static String shipped() {
        try (InputStream in = ClassifierRules.class.getResourceAsStream("default-rules.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
