package org.huiying.kb.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleImport;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.analysis.SynonymDictionary;
import org.huiying.kb.lucene.LuceneKnowledgeBase;
import org.huiying.kb.search.Fusion;
import org.huiying.kb.semantic.MemoizingEmbedder;
import org.huiying.kb.semantic.SemanticModel;

/**
 * The held-out evaluation set of issue 28: 152 articles nobody tuned the analysis chain on, and
 * 206 labelled queries split once at random into a dev half (where fusion settings may be chosen)
 * and a test half (only ever reported).
 */
public final class HeldOutSet {

    private HeldOutSet() {
    }

    public static List<Article> articles() {
        try (InputStream in = HeldOutSet.class.getResourceAsStream("/org/huiying/kb/heldout/articles.ndjson")) {
            ArticleImport.Parsed parsed = ArticleImport.ndjson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Instant.EPOCH);
            if (!parsed.errors().isEmpty()) {
                throw new IllegalStateException("held-out articles: " + parsed.errors());
            }
            return parsed.articles();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LabelledQueries dev() {
        return LabelledQueries.heldOut("dev");
    }

    public static LabelledQueries test() {
        return LabelledQueries.heldOut("test");
    }

    /** A stock analyzer on a plain index (see {@link BaselineIndex}). */
    public static RankingMetrics baseline(Analyzer analyzer, List<Article> articles, LabelledQueries set) {
        try (analyzer; BaselineIndex index = new BaselineIndex(analyzer, articles)) {
            return RankingMetrics.of(set, index::search);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our embedded backend, words only ({@code fusion} null) or hybrid with {@code fusion}. */
    public static RankingMetrics ours(List<Article> articles, LabelledQueries set, Fusion fusion) {
        SemanticModel model = fusion == null ? SemanticModel.none("words only")
                : SemanticModel.of(MemoizingEmbedder.shared());
        try (KnowledgeBase kb = LuceneKnowledgeBase.inMemory(new ChineseAnalysis(SynonymDictionary.defaults()), model,
                fusion == null ? Fusion.DEFAULT : fusion)) {
            kb.saveAll(articles);
            return RankingMetrics.of(set, search(kb));
        }
    }

    public static Function<String, List<String>> search(KnowledgeBase kb) {
        return q -> kb.search(SearchRequest.of(q, 10)).ids();
    }

    /** The model alone: word ranks weigh nothing. */
    public static Fusion vectorsOnly() {
        return Fusion.DEFAULT.withWeights(0, 1).withMinSimilarity(0);
    }
}
