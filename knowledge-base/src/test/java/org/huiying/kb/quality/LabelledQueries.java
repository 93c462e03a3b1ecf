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
        try (InputStream in = LabelledQueries.class.getResourceAsStream("/org/huiying/kb/labelled-queries.tsv")) {
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
