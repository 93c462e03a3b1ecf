package org.huiying.kb.semantic;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * BAAI bge-small-zh v1.5, int8-quantised (about 24 MB of ONNX shipped inside its jar), run by ONNX
 * Runtime in this process: 512 dimensions, no network, no service. Chosen because it was measured
 * on a held-out Chinese after-sales set (issue 28, docs/benchmarks.md), where it carries over to
 * paraphrases our synonym dictionary has never seen.
 */
public final class BgeSmallZhEmbedder implements TextEmbedder {

    public static final String MODEL_ID = "bge-small-zh-v1.5-q";
    static final int DIMENSIONS = 512;

    private final EmbeddingModel model;

    private BgeSmallZhEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model (about a second); throws whatever ONNX Runtime throws when it cannot. */
    public static BgeSmallZhEmbedder load() {
        BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder(new BgeSmallZhV15QuantizedEmbeddingModel());
        embedder.embedQuery("试"); // a native library that cannot load fails here, not at the first search
        return embedder;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embedQuery(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        return model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> Vectors.unit(e.vector())).toList();
    }
}
