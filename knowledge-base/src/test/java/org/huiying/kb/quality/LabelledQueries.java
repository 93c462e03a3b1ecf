package org.huiying.kb.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labelled query set: each query with its graded relevant articles (3 = the answer). */
public record LabelledQueries(List<Query> queries) {

    public record Query(String text, Map<String, Integer> grades) {

        public String answer() {
            return grades.entrySet().stream().filter(e -> e.getValue() == 3).map(Map.Entry::getKey).findFirst().orElseThrow();
        }
    }

    public static LabelledQueries load() {
        return load("/org/huiying/kb/labelled-queries.tsv");
    }

    /** The held-out set's dev half (choices may be made on it) or test half (only reported). */
    public static LabelledQueries heldOut(String half) {
        return load("/org/huiying/kb/heldout/" + half + ".tsv");
    }

    public static LabelledQueries load(String resource) {
        try (InputStream in = LabelledQueries.class.getResourceAsStream(resource)) {
            List<Query> queries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                for (String judged : parts[1].split(",")) {
                    String[] kv = judged.split(":");
                    grades.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
                }
                queries.add(new Query(parts[0], grades));
            }
            return new LabelledQueries(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
