package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huiying.kb.InvalidQueryException;
import org.huiying.kb.KnowledgeBase;
import org.huiying.kb.SearchRequest;
import org.huiying.kb.analysis.ChineseAnalysis;

/**
 * What to ask the index for a search, independent of the backend: weighted term clauses over the
 * word and character fields (summed, BM25 each) and phrase clauses that reward the query's words
 * appearing close together. Each backend translates the clauses one to one, which is why they
 * rank alike. The weights were tuned on the labelled query set (see docs/benchmarks.md).
 */
public record SearchPlan(List<Clause> clauses, Set<String> words, Set<String> characters, Set<String> highlightTerms,
        String text) {

    static final float TITLE_WORDS = 3.0f;
    static final float TAG_WORDS = 2.0f;
    static final float BODY_WORDS = 1.0f;
    static final float TITLE_CHARS = 1.0f;
    static final float BODY_CHARS = 0.3f;
    static final float TITLE_PHRASE = 2.0f;
    static final float BODY_PHRASE = 1.0f;
    static final int PHRASE_SLOP = 3;
    /** More terms than this add cost, not precision (suggestions hand in whole messages). */
    static final int MAX_TERMS = 48;

    /** One part of the query; its score is added to the article's. */
    public sealed interface Clause permits TermClause, PhraseClause {
    }

    /** The term in the field, scored by BM25, times {@code boost}. */
    public record TermClause(String field, String term, float boost) implements Clause {
    }

    /** The terms in this order within {@code slop} moves, times {@code boost}. */
    public record PhraseClause(String field, List<String> terms, int slop, float boost) implements Clause {
    }

    public static SearchPlan of(SearchRequest request, ChineseAnalysis analysis) {
        String text = validText(request.text());
        Set<String> words = new LinkedHashSet<>(analysis.words(text));
        Set<String> chars = new LinkedHashSet<>(analysis.characters(text));
        List<Clause> clauses = new ArrayList<>();
        int budget = MAX_TERMS;
        for (String w : words) {
            if (budget-- <= 0) {
                break;
            }
            clauses.add(new TermClause(ArticleFields.TITLE_WORDS, w, TITLE_WORDS));
            clauses.add(new TermClause(ArticleFields.TAG_WORDS, w, TAG_WORDS));
            clauses.add(new TermClause(ArticleFields.BODY_WORDS, w, BODY_WORDS));
        }
        budget = MAX_TERMS;
        for (String c : chars) {
            if (budget-- <= 0) {
                break;
            }
            clauses.add(new TermClause(ArticleFields.TITLE_CHARS, c, TITLE_CHARS));
            clauses.add(new TermClause(ArticleFields.BODY_CHARS, c, BODY_CHARS));
        }
        List<String> ordered = analysis.words(text);
        if (ordered.size() >= 2 && ordered.size() <= 12) {
            clauses.add(new PhraseClause(ArticleFields.TITLE_WORDS, ordered, PHRASE_SLOP, TITLE_PHRASE));
            clauses.add(new PhraseClause(ArticleFields.BODY_WORDS, ordered, PHRASE_SLOP, BODY_PHRASE));
        }
        Set<String> highlight = new LinkedHashSet<>();
        for (String w : words) {
            analysis.variantsOf(w).stream().filter(v -> v.length() >= 2).forEach(highlight::add);
        }
        chars.stream().filter(c -> c.length() >= 2).forEach(highlight::add);
        return new SearchPlan(List.copyOf(clauses), words, chars, highlight, text);
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** The text, stripped; refuses empty and over-long texts with a message a person can act on. */
    public static String validText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("The search text is empty.");
        }
        String t = text.strip();
        if (t.length() > KnowledgeBase.MAX_QUERY_CHARS) {
            throw new InvalidQueryException("The search text has " + t.length() + " characters; at most "
                    + KnowledgeBase.MAX_QUERY_CHARS + " are accepted.");
        }
        return t;
    }
}
