package org.huiying.server.cannedreply;

import java.util.Set;
import org.huiying.server.web.ApiException;

/** The body of {@code POST /api/canned-replies} and {@code PUT /api/canned-replies/{id}}, checked before anything is stored. */
record CannedReplyBody(String category, String text) {

    static final int MAX_CATEGORY = 20;
    static final int MAX_TEXT = 1000;

    String validCategory() {
        String c = category == null ? "" : category.strip();
        if (c.isEmpty()) {
            throw ApiException.badRequest("invalid_category", "category: a short name such as 问候 or 结束语");
        }
        if (c.codePointCount(0, c.length()) > MAX_CATEGORY || c.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid_category", "category: at most " + MAX_CATEGORY + " characters on one line");
        }
        return c;
    }

    String validText() {
        String t = text == null ? "" : Placeholder.normalized(text.strip());
        if (t.isEmpty()) {
            throw ApiException.badRequest("empty_text", "text: the phrase");
        }
        if (t.length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", "text must be at most " + MAX_TEXT + " characters");
        }
        Set<String> used = Placeholder.usedIn(t);
        used.removeAll(Placeholder.names());
        if (!used.isEmpty()) {
            throw ApiException.badRequest("unknown_placeholder", "Unknown placeholder {" + used.iterator().next()
                    + "}; known: " + String.join(", ", Placeholder.names().stream().map(n -> "{" + n + "}").toList()));
        }
        return t;
    }
}
