package org.huiying.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a folder of Markdown files (recursively, {@code *.md}) as articles. Optional front matter
 * between {@code ---} lines sets {@code id}, {@code category}, {@code tags} ({@code [a, b]} or
 * {@code a, b}) and {@code models}; the first {@code # } heading is the title; the rest is the body.
 * Without front matter the id is the file name without {@code .md}. Files that cannot be read as
 * an article are reported by path, the others still come in.
 */
public final class MarkdownImport {

    private MarkdownImport() {
    }

    /** Articles found, and files refused (file name → reason). */
    public record Parsed(List<Article> articles, Map<String, String> errors) {
    }

    public static Parsed folder(Path root, Instant at) {
        List<Article> articles = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                try {
                    articles.add(article(file, Files.readString(file, StandardCharsets.UTF_8), at));
                } catch (IllegalArgumentException | IOException e) {
                    errors.put(root.relativize(file).toString(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(articles, errors);
    }

    static Article article(Path file, String text, Instant at) {
        Map<String, String> meta = new LinkedHashMap<>();
        String rest = text.replace("\r\n", "\n");
        if (rest.startsWith("---\n")) {
            int end = rest.indexOf("\n---", 4);
            if (end < 0) {
                throw new IllegalArgumentException("front matter is not closed with ---");
            }
            for (String line : rest.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
            rest = rest.substring(rest.indexOf('\n', end + 1) + 1);
        }
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : rest.split("\n")) {
            if (title == null && line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else {
                body.append(plain(line)).append('\n');
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        String id = meta.getOrDefault("id", name);
        return new Article(id, title == null ? meta.getOrDefault("title", name) : title, body.toString(),
                meta.get("category"), list(meta.get("tags")), list(meta.get("models")), ArticleStatus.PUBLISHED, 1, at);
    }

    /** Markdown markers say nothing a search needs; the words stay. */
    private static String plain(String line) {
        return line.replaceFirst("^#{1,6}\\s+", "").replaceFirst("^\\s*[-*+]\\s+", "")
                .replace("**", "").replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        return Arrays.stream(v.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
