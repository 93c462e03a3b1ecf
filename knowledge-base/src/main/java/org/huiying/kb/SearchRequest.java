package org.huiying.kb;

/**
 * A search as a person types it: {@code text} is plain text, never query syntax. {@code category}
 * and {@code vehicleModel} filter when not null; {@code status} is PUBLISHED unless asked
 * otherwise.
 */
public record SearchRequest(String text, int size, String category, String vehicleModel, ArticleStatus status) {

    public static final int MAX_SIZE = 100;

    public SearchRequest {
        size = Math.max(1, Math.min(size, MAX_SIZE));
        category = blankToNull(category);
        vehicleModel = blankToNull(vehicleModel);
        status = status == null ? ArticleStatus.PUBLISHED : status;
    }

    public static SearchRequest of(String text, int size) {
        return new SearchRequest(text, size, null, null, ArticleStatus.PUBLISHED);
    }

    public SearchRequest inCategory(String value) {
        return new SearchRequest(text, size, value, vehicleModel, status);
    }

    public SearchRequest forModel(String value) {
        return new SearchRequest(text, size, category, value, status);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
