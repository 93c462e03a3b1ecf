package org.huiying.kb.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.ArticleStatus;

/**
 * A large, realistic corpus for benchmarks: variants of the sample articles, each mixing the
 * sentences of its base article with a few from others, assigned to vehicle models. Seeded, so
 * every run indexes the same text.
 */
public final class SyntheticArticles {

    private static final String[] MODELS = {"HY-E3", "HY-E5", "HY-S7", "HY-S9", "HY-M6"};

    private SyntheticArticles() {
    }

    public static List<Article> generate(int count, long seed) {
        List<Article> samples = ArticleImport.samples();
        List<List<String>> sentences = samples.stream()
                .map(a -> Arrays.stream(a.body().split("(?<=[。；])")).filter(s -> !s.isBlank()).toList()).toList();
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int base = random.nextInt(samples.size());
            Article a = samples.get(base);
            List<String> body = new ArrayList<>(sentences.get(base));
            java.util.Collections.shuffle(body, random);
            for (int k = 0; k < 2; k++) {
                List<String> other = sentences.get(random.nextInt(samples.size()));
                body.add(other.get(random.nextInt(other.size())));
            }
            String model = MODELS[random.nextInt(MODELS.length)];
            out.add(new Article("syn-" + i, a.title() + "（" + model + "）", String.join("", body), a.category(),
                    a.tags(), List.of(model), ArticleStatus.PUBLISHED, 1, Instant.EPOCH));
        }
        return out;
    }

    /** The same corpus as JSON lines, the import format. */
    public static String ndjson(List<Article> articles) {
        StringBuilder sb = new StringBuilder();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.shared();
        for (Article a : articles) {
            sb.append(json.writeValueAsString(java.util.Map.of("id", a.id(), "title", a.title(), "body", a.body(),
                    "category", a.category(), "tags", a.tags(), "vehicleModels", a.vehicleModels()))).append('\n');
        }
        return sb.toString();
    }
}
