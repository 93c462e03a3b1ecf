package org.huiying.kb;

import java.util.List;

/**
 * The answer to a search: how many articles matched (counted exactly up to {@link #TOTAL_LIMIT};
 * beyond that {@code total} is {@link #TOTAL_LIMIT}, meaning "at least"), and the best ones, best
 * first; equal scores are ordered by id.
 */
public record SearchResult(long total, List<SearchHit> hits) {

    /** Counting every match would cost every search a full pass over the postings. */
    public static final int TOTAL_LIMIT = 1000;
    /** Extra candidates fetched so that ties at the cut are broken by id, not by index order. */
    public static final int TIE_MARGIN = 10;

    public static final SearchResult EMPTY = new SearchResult(0, List.of());

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** Orders candidates by score, then id, and keeps the best {@code size}. */
    public static List<SearchHit> best(List<SearchHit> candidates, int size) {
        return candidates.stream()
                .sorted(java.util.Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::id))
                .limit(size).toList();
    }

    public List<String> ids() {
        return hits.stream().map(SearchHit::id).toList();
    }
}
