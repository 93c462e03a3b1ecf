package org.huiying.kb.search;

/**
 * The index layout both backends share. Keyword fields hold exact values; the {@code *_w} fields
 * hold the analysed words and the {@code *_c} fields the character bigrams, each as terms separated
 * by single spaces, indexed with a whitespace-only analyzer.
 */
public final class ArticleFields {

    public static final String ID = "id";
    public static final String STATUS = "status";
    public static final String CATEGORY = "category";
    /** Vehicle models the article applies to; {@link #ALL_MODELS} when it names none. */
    public static final String MODEL = "model";
    public static final String ALL_MODELS = "*";
    public static final String TITLE_WORDS = "title_w";
    public static final String BODY_WORDS = "body_w";
    public static final String TAG_WORDS = "tags_w";
    public static final String TITLE_CHARS = "title_c";
    public static final String BODY_CHARS = "body_c";
    /** Passages of an article, each with its vector (a nested object in Elasticsearch, a document of its own in Lucene). */
    public static final String PASSAGES = "passages";
    /** A passage's vector: unit length, compared by dot product (= cosine). */
    public static final String VECTOR = "vector";
    /** The article itself, as JSON, for reading it back. */
    public static final String SOURCE = "source";

    public static final String[] ANALYSED = {TITLE_WORDS, BODY_WORDS, TAG_WORDS, TITLE_CHARS, BODY_CHARS};

    private ArticleFields() {
    }
}
