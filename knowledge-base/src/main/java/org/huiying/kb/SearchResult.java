package org.huiying.kb;

import java.util.List;

/** The answer to a search: how many articles matched, and the best ones, best first. */
public record SearchResult(long total, List<SearchHit> hits) {

    public static final SearchResult EMPTY = new SearchResult(0, List.of());

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public List<String> ids() {
        return hits.stream().map(SearchHit::id).toList();
    }
}
