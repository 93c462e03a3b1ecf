package org.huiying.kb.semantic;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product says how close two texts are in meaning.
 * Runs in-process, so both backends index and query exactly the same vectors.
 */
public interface TextEmbedder {

    /** Names the model; stored with the index so a different model means re-embedding. */
    String modelId();

    int dimensions();

    /** The vector of a search text (what a person types). */
    float[] embedQuery(String text);

    /** The vectors of passages of articles, in order. */
    List<float[]> embedPassages(List<String> passages);
}
