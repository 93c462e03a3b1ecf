package org.huiying.kb.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.kb.Article;
import org.huiying.kb.analysis.ChineseAnalysis;

/**
 * An article as the backends index it: its analysed fields (terms joined by spaces) and its
 * filter values. Computed once, in-process, so every backend indexes identical terms.
 */
public record AnalysedArticle(Article article, Map<String, String> analysedFields, List<String> models) {

    /** Analyses a batch on all cores (the segmenter dominates the cost of indexing). */
    public static List<AnalysedArticle> all(java.util.Collection<Article> articles, ChineseAnalysis analysis) {
        return articles.parallelStream().map(a -> of(a, analysis)).toList();
    }

    public static AnalysedArticle of(Article article, ChineseAnalysis analysis) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ArticleFields.TITLE_WORDS, String.join(" ", analysis.words(article.title())));
        fields.put(ArticleFields.BODY_WORDS, String.join(" ", analysis.words(article.body())));
        fields.put(ArticleFields.TAG_WORDS, String.join(" ", analysis.words(String.join("，", article.tags()))));
        fields.put(ArticleFields.TITLE_CHARS, String.join(" ", analysis.characters(article.title())));
        fields.put(ArticleFields.BODY_CHARS, String.join(" ", analysis.characters(article.body())));
        List<String> models = article.vehicleModels().isEmpty() ? List.of(ArticleFields.ALL_MODELS)
                : article.vehicleModels();
        return new AnalysedArticle(article, fields, models);
    }
}
