package org.huiying.server.knowledge;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every saved version of every article, kept in the database (the index holds only the current one). */
@Repository
class ArticleHistory {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ArticleHistory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void record(Collection<Article> versions) {
        batch.batchUpdate("""
                INSERT INTO kb_article_version (article_id, version, status, saved_at, article)
                VALUES (?, ?, ?, ?, ?)""", versions.stream().map(a -> new Object[] {a.id(), a.version(),
                a.status().name(), Timestamp.from(a.updatedAt()), ArticleJson.write(a)}).toList());
    }

    List<Article> versions(String articleId) {
        return jdbc.sql("SELECT article FROM kb_article_version WHERE article_id = :id ORDER BY version")
                .param("id", articleId).query(String.class).list().stream().map(ArticleJson::read).toList();
    }

    /** Forgets every saved version (an erased draft: its text quoted a customer or technician). */
    void forget(String articleId) {
        jdbc.sql("DELETE FROM kb_article_version WHERE article_id = :id").param("id", articleId).update();
    }

    /** The highest version ever saved, so a deleted and re-created id keeps counting up. */
    int lastVersion(String articleId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kb_article_version WHERE article_id = :id")
                .param("id", articleId).query(Integer.class).single();
    }
}
