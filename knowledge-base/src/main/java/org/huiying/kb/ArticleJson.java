package org.huiying.kb;

import tools.jackson.databind.json.JsonMapper;

/** Articles as JSON: how backends keep them next to the index, and read them back. */
public final class ArticleJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArticleJson() {
    }

    public static String write(Article article) {
        return JSON.writeValueAsString(article);
    }

    public static Article read(String json) {
        return JSON.readValue(json, Article.class);
    }
}
