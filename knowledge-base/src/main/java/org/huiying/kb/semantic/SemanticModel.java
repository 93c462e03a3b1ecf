package org.huiying.kb.semantic;

import java.util.Optional;
import java.util.function.Supplier;
import org.huiying.kb.search.Passages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model a knowledge base searches with, or why there is none. A model that cannot
 * load (a missing native library, an unsupported CPU, a broken jar) leaves search lexical instead
 * of failing the server; {@link #reason()} says what went wrong.
 */
public final class SemanticModel {

    private static final Logger log = LoggerFactory.getLogger(SemanticModel.class);

    /** The signature of an index whose articles carry no vectors. */
    public static final String NO_VECTORS = "none";

    private final TextEmbedder embedder;
    private final String reason;

    private SemanticModel(TextEmbedder embedder, String reason) {
        this.embedder = embedder;
        this.reason = reason;
    }

    public static SemanticModel of(TextEmbedder embedder) {
        return new SemanticModel(embedder, null);
    }

    /** No model: search stays lexical and says {@code reason}. */
    public static SemanticModel none(String reason) {
        return new SemanticModel(null, reason);
    }

    /** Passages remembered by {@link #loadDefault()}: about 25 MB of vectors and text. */
    static final int CACHED_PASSAGES = 10_000;

    /**
     * The shipped model (bge-small-zh v1.5, int8) with the vectors of recent passages remembered,
     * or none with the reason it could not load.
     */
    public static SemanticModel loadDefault() {
        return load(() -> new PassageCache(BgeSmallZhEmbedder.load(), CACHED_PASSAGES));
    }

    public static SemanticModel load(Supplier<? extends TextEmbedder> loader) {
        try {
            return of(loader.get());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: ONNX Runtime's native library does not load on this machine.
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("The embedding model did not load, knowledge search stays lexical: {}", why);
            return none(why);
        }
    }

    public boolean available() {
        return embedder != null;
    }

    public Optional<TextEmbedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    /** Why there is no model; null when there is one. */
    public String reason() {
        return reason;
    }

    /**
     * What an index's vectors are made with: the model, its dimensions and the passage layout. An
     * index stores the signature it was built with; when it differs, its articles are re-embedded.
     */
    public String signature() {
        return embedder == null ? NO_VECTORS
                : embedder.modelId() + "/" + embedder.dimensions() + "/" + Passages.LAYOUT;
    }
}
