package org.huiying.kb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base article: a technical or policy answer in Simplified Chinese. {@code id} is the
 * external id (from import or chosen by the author); {@code version} counts saved revisions,
 * starting at 1. {@code vehicleModels} empty means it applies to every model.
 *
 * <p>Immutable; changes produce a new value with a higher version ({@link #revise}, {@link #moveTo}).
 */
public record Article(String id, String title, String body, String category, List<String> tags,
        List<String> vehicleModels, ArticleStatus status, int version, Instant updatedAt) {

    public static final int MAX_ID = 128;
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 100_000;

    public Article {
        id = require(id, "id", MAX_ID);
        title = require(title, "title", MAX_TITLE);
        body = body == null ? "" : body.strip();
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body is longer than " + MAX_BODY + " characters");
        }
        category = category == null ? "" : category.strip();
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
        vehicleModels = vehicleModels == null ? List.of() : vehicleModels.stream().filter(Objects::nonNull)
                .map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        status = status == null ? ArticleStatus.DRAFT : status;
        version = Math.max(1, version);
        updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
    }

    /** A new article as an importer or author hands it in (version 1). */
    public static Article of(String id, String title, String body, String category, List<String> tags,
            ArticleStatus status) {
        return new Article(id, title, body, category, tags, List.of(), status, 1, Instant.EPOCH);
    }

    /** This article's content replaced by {@code next}'s, as the following version. */
    public Article revise(Article next, Instant at) {
        return new Article(id, next.title, next.body, next.category, next.tags, next.vehicleModels,
                next.status, version + 1, at);
    }

    /** The following version in status {@code next}; refuses moves the lifecycle does not allow. */
    public Article moveTo(ArticleStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("An article in " + status + " cannot become " + next);
        }
        return new Article(id, title, body, category, tags, vehicleModels, next, version + 1, at);
    }

    public Article withVersion(int newVersion, Instant at) {
        return new Article(id, title, body, category, tags, vehicleModels, status, newVersion, at);
    }

    private static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return v;
    }
}
