package org.huiying.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void movesFromDraftToPublishedToRetiredCountingVersions() {
        Article draft = Article.of("a1", "标题", "正文", "battery", List.of(), ArticleStatus.DRAFT);
        Article published = draft.moveTo(ArticleStatus.PUBLISHED, NOW);
        Article retired = published.moveTo(ArticleStatus.RETIRED, NOW);
        assertThat(published.version()).isEqualTo(2);
        assertThat(retired.status()).isEqualTo(ArticleStatus.RETIRED);
        assertThat(retired.version()).isEqualTo(3);
    }

    @Test
    void refusesMovesTheLifecycleDoesNotAllow() {
        Article draft = Article.of("a1", "标题", "正文", "battery", List.of(), ArticleStatus.DRAFT);
        assertThatThrownBy(() -> draft.moveTo(ArticleStatus.RETIRED, NOW)).isInstanceOf(IllegalStateException.class);
        Article retired = draft.moveTo(ArticleStatus.PUBLISHED, NOW).moveTo(ArticleStatus.RETIRED, NOW);
        assertThatThrownBy(() -> retired.moveTo(ArticleStatus.PUBLISHED, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revisionKeepsIdAndRaisesVersion() {
        Article v1 = Article.of("a1", "旧标题", "正文", "battery", List.of("x"), ArticleStatus.PUBLISHED);
        Article v2 = v1.revise(Article.of("ignored", "新标题", "新正文", "charging", List.of(), ArticleStatus.PUBLISHED), NOW);
        assertThat(v2.id()).isEqualTo("a1");
        assertThat(v2.title()).isEqualTo("新标题");
        assertThat(v2.version()).isEqualTo(2);
    }

    @Test
    void requiresIdAndTitle() {
        assertThatThrownBy(() -> Article.of(" ", "t", "b", "c", List.of(), null)).hasMessageContaining("id");
        assertThatThrownBy(() -> Article.of("x", null, "b", "c", List.of(), null)).hasMessageContaining("title");
    }

    @Test
    void survivesAJsonRoundTrip() {
        Article a = new Article("a1", "标题", "正文", "battery", List.of("t"), List.of("HY-S7"), ArticleStatus.PUBLISHED, 3, NOW);
        assertThat(ArticleJson.read(ArticleJson.write(a))).isEqualTo(a);
    }
}
