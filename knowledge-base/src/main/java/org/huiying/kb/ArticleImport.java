package org.huiying.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads articles from JSON lines, one object per line:
 * {@code {"id","title","body","category","tags":[…],"vehicleModels":[…]}}. Good lines become
 * PUBLISHED articles; a bad line is reported with its 1-based number and a reason, and does not
 * stop the others. Blank lines are skipped.
 */
public final class ArticleImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArticleImport() {
    }

    /** One refused line. */
    public record LineError(int line, String message) {
    }

    /** What a file held: the articles to save and the lines refused. */
    public record Parsed(List<Article> articles, List<LineError> errors) {
    }

    public static Parsed ndjson(String text, Instant at) {
        return ndjson(new StringReader(text), at);
    }

    public static Parsed ndjson(Reader reader, Instant at) {
        List<Article> articles = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    articles.add(article(JSON.readTree(line), at));
                } catch (JacksonException e) {
                    errors.add(new LineError(number, "not a JSON object: " + e.getOriginalMessage()));
                } catch (IllegalArgumentException e) {
                    errors.add(new LineError(number, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(articles, errors);
    }

    /** The sample knowledge base shipped with Huiying (Simplified Chinese after-sales articles). */
    public static List<Article> samples() {
        try (InputStream in = ArticleImport.class.getResourceAsStream("/org/huiying/kb/sample-articles.ndjson")) {
            Parsed parsed = ndjson(new String(in.readAllBytes(), StandardCharsets.UTF_8), Instant.EPOCH);
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException("broken sample articles: " + parsed.errors());
            }
            return parsed.articles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Article article(JsonNode node, Instant at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("each line must be a JSON object");
        }
        return new Article(text(node, "id"), text(node, "title"), text(node, "body"), text(node, "category"),
                strings(node, "tags"), strings(node, "vehicleModels"), ArticleStatus.PUBLISHED, 1, at);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() && !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asString();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            out.add(item.asString());
        }
        return out;
    }
}
