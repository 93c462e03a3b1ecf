package org.huiying.kb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huiying.kb.semantic.TextEmbedder;
import org.huiying.kb.semantic.Vectors;

/**
 * For latency benchmarks at 50,000 articles only: embedding that many articles with the model
 * takes hours on 2 cores, while what a search costs depends on how many vectors the HNSW graph
 * holds, not on their exact values. A passage's vector here is the mean of the model's vectors of
 * its sentences (each distinct sentence embedded once, by the real model), normalised; queries are
 * embedded by the real model on every search, as in production. Same model id, so a server opened
 * on an index built with it searches it as its own.
 */
public final class SentenceMeanEmbedder implements TextEmbedder {

    private final TextEmbedder model;
    private final Map<String, float[]> sentences = new ConcurrentHashMap<>();

    public SentenceMeanEmbedder(TextEmbedder model) {
        this.model = model;
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public float[] embedQuery(String text) {
        return model.embedQuery(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<String> missing = passages.stream().flatMap(p -> split(p).stream()).filter(s -> !sentences.containsKey(s))
                .distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> made = model.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                sentences.put(missing.get(i), made.get(i));
            }
        }
        List<float[]> out = new ArrayList<>();
        for (String p : passages) {
            float[] sum = new float[model.dimensions()];
            for (String s : split(p)) {
                float[] v = sentences.get(s);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += v[i];
                }
            }
            out.add(Vectors.unit(sum));
        }
        return out;
    }

    private static List<String> split(String passage) {
        List<String> parts = Arrays.stream(passage.split("(?<=[。；\\n])")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return parts.isEmpty() ? List.of(passage) : parts;
    }
}
