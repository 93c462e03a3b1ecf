package org.huiying.kb.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real model, remembering what it embedded: tests and evaluations build many indexes of the
 * same articles, and the model is the slow part. {@code id} lets a test pose as another model.
 */
public final class MemoizingEmbedder implements TextEmbedder {

    private static volatile MemoizingEmbedder shared;

    private final TextEmbedder model;
    private final String id;
    private final Map<String, float[]> passages;
    private final Map<String, float[]> queries;

    private MemoizingEmbedder(TextEmbedder model, String id, Map<String, float[]> passages, Map<String, float[]> queries) {
        this.model = model;
        this.id = id;
        this.passages = passages;
        this.queries = queries;
    }

    /** The shipped model, loaded once per test JVM. */
    public static synchronized MemoizingEmbedder shared() {
        if (shared == null) {
            shared = new MemoizingEmbedder(BgeSmallZhEmbedder.load(), BgeSmallZhEmbedder.MODEL_ID,
                    new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
        return shared;
    }

    /** The same vectors under another model id (to prove a model change re-embeds). */
    public MemoizingEmbedder posingAs(String otherId) {
        return new MemoizingEmbedder(model, otherId, passages, queries);
    }

    @Override
    public String modelId() {
        return id;
    }

    @Override
    public int dimensions() {
        return model.dimensions();
    }

    @Override
    public float[] embedQuery(String text) {
        return queries.computeIfAbsent(text, model::embedQuery);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !passages.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> made = model.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                passages.put(missing.get(i), made.get(i));
            }
        }
        List<float[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(passages.get(t)));
        return out;
    }
}
