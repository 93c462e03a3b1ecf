package org.huiying.server.knowledge;

import java.util.List;
import org.huiying.kb.Article;
import org.huiying.kb.ArticleStatus;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Component;

/** Lets other features (the expert desk) propose an article: stored as a DRAFT for review, not searchable until published. */
@Component
public class KnowledgeDrafts {

    private final Articles articles;

    KnowledgeDrafts(Articles articles) {
        this.articles = articles;
    }

    public Article draft(String id, String title, String body, String category, List<String> tags, List<String> vehicleModels) {
        try {
            return articles.create(new Article(id, title, body, category, tags, vehicleModels, ArticleStatus.DRAFT, 1, null));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_article", e.getMessage());
        }
    }

    /** Removes a draft and its history (the question it quotes is erased); nothing when there is none. */
    public void erase(String id) {
        articles.erase(id);
    }
}
