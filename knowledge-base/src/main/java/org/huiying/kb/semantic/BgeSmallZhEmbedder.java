package org.huiying.kb.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BAAI bge-small-zh v1.5, int8-quantised (about 24 MB of ONNX shipped inside its jar), run by ONNX
 * Runtime in this process: 512 dimensions, no network, no service. Chosen because it was measured
 * on a held-out Chinese after-sales set (issue 28, docs/benchmarks.md), where it carries over to
 * paraphrases our synonym dictionary has never seen.
 *
 * <p>The session runs each text on the calling thread without spinning: ONNX Runtime's default
 * pool hands every small query to worker threads that then busy-wait, which on a shared 2-core
 * machine costs the other work (and the search's own tail latency) more than it saves. Batches of
 * passages are spread over one thread per core instead.
 */
public final class BgeSmallZhEmbedder implements TextEmbedder {

    public static final String MODEL_ID = "bge-small-zh-v1.5-q";
    static final int DIMENSIONS = 512;
    private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

    private final EmbeddingModel model;

    private BgeSmallZhEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model (about a second); throws whatever ONNX Runtime throws when it cannot. */
    public static BgeSmallZhEmbedder load() {
        BgeSmallZhEmbedder embedder = new BgeSmallZhEmbedder(new SingleThreadedSessions());
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

    /** The shipped model and tokenizer, in a session of one intra-op thread that does not spin. */
    private static final class SingleThreadedSessions extends AbstractInProcessEmbeddingModel {

        private static final ExecutorService PASSAGES = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "kb-embedding");
                    t.setDaemon(true);
                    return t;
                });

        private final OnnxBertBiEncoder encoder;

        SingleThreadedSessions() {
            super(PASSAGES);
            try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.addConfigEntry("session.inter_op.allow_spinning", "0");
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime refused the model: " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = BgeSmallZhEmbedder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-bge-small-zh-v15-q)");
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
