package org.huiying.kb.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers the vectors of the last {@code capacity} passages embedded: an article re-imported or
 * edited elsewhere keeps the vectors of its unchanged passages instead of paying the model again
 * (the model is by far the slowest part of an import), and the sample articles every fresh data
 * directory loads are embedded once per JVM. Queries are not cached: each search embeds its text.
 */
public final class PassageCache implements TextEmbedder {

    private final TextEmbedder model;
    private final Map<String, float[]> recent;

    public PassageCache(TextEmbedder model, int capacity) {
        this.model = model;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
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
        Map<String, float[]> known = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        synchronized (recent) {
            for (String p : passages) {
                float[] v = recent.get(p);
                if (v != null) {
                    known.put(p, v);
                } else {
                    missing.add(p);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<String> texts = List.copyOf(missing);
            List<float[]> made = model.embedPassages(texts);
            synchronized (recent) {
                for (int i = 0; i < texts.size(); i++) {
                    recent.put(texts.get(i), made.get(i));
                    known.put(texts.get(i), made.get(i));
                }
            }
        }
        List<float[]> out = new ArrayList<>(passages.size());
        passages.forEach(p -> out.add(known.get(p)));
        return out;
    }
}
