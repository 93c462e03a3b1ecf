package org.huiying.routing.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.text.TextNormalizer;

/**
 * The phrases that decide a ticket's type, category and skills, in a text format an admin can
 * read and extend ({@code <kind> <key>: phrase, phrase, …}). Phrases are normalised like the
 * input, so a rule written in Traditional characters or full-width letters works too.
 */
public final class ClassifierRules {

    private final Map<TicketType, List<String>> types = new LinkedHashMap<>();
    private final Map<Category, List<String>> categories = new LinkedHashMap<>();
    private final Map<String, List<String>> skills = new LinkedHashMap<>();

    private ClassifierRules() {
    }

    /** The rules shipped with the product. */
    public static ClassifierRules defaults() {
        try (InputStream in = ClassifierRules.class.getResourceAsStream("default-rules.txt")) {
            return new ClassifierRules().add(in, "default-rules.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These rules plus those read from {@code in}; a malformed line fails with its line number. */
    public ClassifierRules add(InputStream in, String source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                parse(line.strip(), source, number);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy, so an admin's additions can be re-read onto fresh defaults. */
    public ClassifierRules copy() {
        ClassifierRules c = new ClassifierRules();
        types.forEach((k, v) -> c.types.put(k, new ArrayList<>(v)));
        categories.forEach((k, v) -> c.categories.put(k, new ArrayList<>(v)));
        skills.forEach((k, v) -> c.skills.put(k, new ArrayList<>(v)));
        return c;
    }

    Map<TicketType, List<String>> types() {
        return types;
    }

    Map<Category, List<String>> categories() {
        return categories;
    }

    Map<String, List<String>> skills() {
        return skills;
    }

    private void parse(String line, String source, int number) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int colon = line.indexOf(':');
        String[] head = colon < 0 ? new String[0] : line.substring(0, colon).trim().split("\\s+");
        if (head.length != 2) {
            throw new IllegalArgumentException(source + ":" + number + ": expected \"<kind> <key>: phrase, …\"");
        }
        List<String> phrases = new ArrayList<>();
        for (String p : line.substring(colon + 1).split("[,，、]")) {
            String normalized = TextNormalizer.normalize(p.strip());
            if (!normalized.isEmpty()) {
                phrases.add(normalized);
            }
        }
        try {
            switch (head[0]) {
                case "type" -> types.computeIfAbsent(TicketType.valueOf(head[1]), k -> new ArrayList<>()).addAll(phrases);
                case "category" -> categories.computeIfAbsent(Category.valueOf(head[1]), k -> new ArrayList<>()).addAll(phrases);
                case "skill" -> skills.computeIfAbsent(head[1], k -> new ArrayList<>()).addAll(phrases);
                default -> throw new IllegalArgumentException(source + ":" + number + ": kind must be type, category or skill");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ":" + number + ": unknown " + head[0] + " " + head[1]);
        }
    }
}
