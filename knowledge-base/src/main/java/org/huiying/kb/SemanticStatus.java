package org.huiying.kb;

/**
 * How a knowledge base searches right now. {@code HYBRID}: words and meaning (the embedding model
 * {@code model}); {@code LEXICAL}: words only, because there is no model ({@code reason} says why);
 * {@code REEMBEDDING}: words only until the articles' vectors, made by another model, are
 * recomputed ({@code progress} of {@code total} done).
 */
public record SemanticStatus(Mode mode, String model, String reason, long progress, long total) {

    public enum Mode { HYBRID, LEXICAL, REEMBEDDING }

    public static SemanticStatus hybrid(String model) {
        return new SemanticStatus(Mode.HYBRID, model, null, 0, 0);
    }

    public static SemanticStatus lexical(String reason) {
        return new SemanticStatus(Mode.LEXICAL, null, reason, 0, 0);
    }

    public static SemanticStatus reembedding(String model, long progress, long total) {
        return new SemanticStatus(Mode.REEMBEDDING, model, "re-embedding the articles for " + model, progress, total);
    }

    public boolean semantic() {
        return mode == Mode.HYBRID;
    }
}
