package org.huiying.kb;

/**
 * Where an article is in its life: written ({@code DRAFT}), visible to search ({@code PUBLISHED}),
 * or kept for the record but no longer suggested ({@code RETIRED}). The only moves are
 * DRAFT → PUBLISHED → RETIRED.
 */
public enum ArticleStatus {
    DRAFT, PUBLISHED, RETIRED;

    public boolean canMoveTo(ArticleStatus next) {
        return (this == DRAFT && next == PUBLISHED) || (this == PUBLISHED && next == RETIRED);
    }
}
