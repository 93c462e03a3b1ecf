package org.huiying.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleImportTest {

    @Test
    void importsGoodLinesAndReportsBadOnesByLineNumber() {
        String ndjson = """
                {"id":"a1","title":"充电口过温","body":"正文","category":"charging","tags":["充电"]}
                not json
                {"id":"a2","body":"没有标题"}

                {"id":"a3","title":"标签不对","tags":"充电"}
                {"id":"a4","title":"好的"}
                """;
        ArticleImport.Parsed parsed = ArticleImport.ndjson(ndjson, Instant.EPOCH);
        assertThat(parsed.articles()).extracting(Article::id).containsExactly("a1", "a4");
        assertThat(parsed.articles().get(0).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(parsed.errors()).extracting(ArticleImport.LineError::line).containsExactly(2, 3, 5);
        assertThat(parsed.errors().get(1).message()).contains("title");
    }

    @Test
    void shipsAtLeastSixtySampleArticles() {
        assertThat(ArticleImport.samples()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void readsAMarkdownFolderWithFrontMatter(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/epb.md"), """
                ---
                id: kb-md-1
                category: chassis
                tags: [EPB, 电子驻车]
                ---
                # 电子驻车无法释放

                - 先踩**刹车**再按开关
                """);
        Files.writeString(dir.resolve("plain.md"), "没有标题的正文\n");
        Files.writeString(dir.resolve("broken.md"), "---\nid: x\n");
        MarkdownImport.Parsed parsed = MarkdownImport.folder(dir, Instant.EPOCH);
        assertThat(parsed.articles()).extracting(Article::id).containsExactlyInAnyOrder("kb-md-1", "plain");
        Article epb = parsed.articles().stream().filter(a -> a.id().equals("kb-md-1")).findFirst().orElseThrow();
        assertThat(epb.title()).isEqualTo("电子驻车无法释放");
        assertThat(epb.tags()).containsExactly("EPB", "电子驻车");
        assertThat(epb.body()).contains("先踩刹车再按开关").doesNotContain("**");
        assertThat(parsed.errors()).containsKey("broken.md");
    }
}
