package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huiying.kb.Article;
import org.huiying.kb.SearchHit;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.SearchResult;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.kb.semantic.TextEmbedder;
import org.huiying.text.TextNormalizer;

/**
 * One search, whatever the backend: the word candidates (the {@link SearchPlan}), the meaning
 * candidates (nearest passages to the query's vector, computed in this process) when vectors can
 * be used, fused by {@link Fusion}; then the chosen articles' snippets and matching passages, made
 * here too. A backend only answers the three questions of {@link Index}, which is why both rank
 * alike.
 */
public final class HybridSearch {

    /** What a backend answers, all from one view of the index. */
    public interface Index {

        /** The best {@code n} articles for the plan (score, then id) and how many matched. */
        Lexical lexical(SearchPlan plan, SearchRequest request, int n);

        /** Up to {@code k} articles by their best passage's similarity to {@code query}, best first. */
        List<Fusion.Nearest> nearest(float[] query, SearchRequest request, int k);

        /** The articles with these ids (those that exist). */
        Map<String, Article> articles(Collection<String> ids);
    }

    public record Lexical(long total, List<Fusion.Ranked> ranked) {
    }

    private final ChineseAnalysis analysis;
    private final Snippets snippets;
    private final Fusion fusion;

    public HybridSearch(ChineseAnalysis analysis, Fusion fusion) {
        this.analysis = analysis;
        this.snippets = new Snippets(analysis);
        this.fusion = fusion;
    }

    public Fusion fusion() {
        return fusion;
    }

    /**
     * {@code embedder} null: words only, ranked by BM25 as before hybrid search existed. A text with
     * nothing searchable in it (emoji, punctuation) finds nothing either way.
     */
    public SearchResult search(SearchRequest request, Index index, TextEmbedder embedder, boolean highlight) {
        SearchPlan plan = SearchPlan.of(request, analysis);
        if (plan.isEmpty()) {
            return SearchResult.EMPTY;
        }
        if (embedder == null) {
            Lexical lexical = index.lexical(plan, request, request.size() + SearchResult.TIE_MARGIN);
            List<Fusion.Ranked> best = lexical.ranked().stream().limit(request.size()).toList();
            return result(lexical.total(), best.stream().map(r -> new Fusion.Fused(r.id(), r.score(), null)).toList(),
                    plan, index, highlight);
        }
        int n = Math.max(fusion.candidates(), request.size() + SearchResult.TIE_MARGIN);
        Lexical lexical = index.lexical(plan, request, n);
        List<Fusion.Nearest> nearest = Fusion.ordered(index.nearest(embedder.embedQuery(TextNormalizer.normalize(plan.text())), request, n));
        List<Fusion.Fused> fused = fusion.fuse(lexical.ranked(), nearest);
        Set<String> lexicalIds = new HashSet<>();
        lexical.ranked().forEach(r -> lexicalIds.add(r.id()));
        long semanticOnly = fused.stream().filter(f -> !lexicalIds.contains(f.id())).count();
        long total = Math.min(SearchResult.TOTAL_LIMIT, lexical.total() + semanticOnly);
        return result(total, fused.stream().limit(request.size()).toList(), plan, index, highlight);
    }

    private SearchResult result(long total, List<Fusion.Fused> best, SearchPlan plan, Index index, boolean highlight) {
        Map<String, Article> articles = index.articles(best.stream().map(Fusion.Fused::id).toList());
        List<SearchHit> hits = new ArrayList<>();
        for (Fusion.Fused f : best) {
            Article a = articles.get(f.id());
            if (a == null) {
                continue; // deleted between the two questions
            }
            List<String> passages = Passages.of(a);
            int at = f.nearest() != null && f.nearest().passage() < passages.size() ? f.nearest().passage()
                    : Passages.bestLexical(passages, plan.highlightTerms());
            hits.add(new SearchHit(a.id(), a.title(), f.score(), highlight ? snippets.highlight(a.body(), plan) : null,
                    passages.get(at)));
        }
        return new SearchResult(total, hits);
    }
}
