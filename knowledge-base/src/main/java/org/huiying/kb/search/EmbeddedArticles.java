package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.semantic.TextEmbedder;

/**
 * Articles analysed and, when there is a model, embedded passage by passage: what a backend
 * writes. The passages of a whole batch go to the model in one call, which spreads them over the
 * cores.
 */
public record EmbeddedArticles(List<AnalysedArticle> analysed, List<List<float[]>> vectors) {

    public static EmbeddedArticles of(Collection<Article> articles, org.huiying.kb.analysis.ChineseAnalysis analysis,
            TextEmbedder embedder) {
        List<AnalysedArticle> analysed = AnalysedArticle.all(articles, analysis);
        List<List<float[]>> vectors = new ArrayList<>();
        if (embedder == null) {
            analysed.forEach(a -> vectors.add(List.of()));
            return new EmbeddedArticles(analysed, vectors);
        }
        List<String> inputs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (AnalysedArticle a : analysed) {
            List<String> passages = Passages.embeddingInputs(a.article());
            inputs.addAll(passages);
            counts.add(passages.size());
        }
        List<float[]> all = embedder.embedPassages(inputs);
        int at = 0;
        for (int count : counts) {
            vectors.add(all.subList(at, at + count));
            at += count;
        }
        return new EmbeddedArticles(analysed, vectors);
    }

    public int size() {
        return analysed.size();
    }
}
