package org.huiying.server.survey;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a score out of what customers actually reply: 「5」「５」「五」「5分」「五星」「非常满意」
 * 「满意」「一般」「不满意」「1 太慢了」. The score must lead the reply (a number in the middle of a
 * sentence is more likely a date or a price than a rating); what follows is the comment.
 */
final class SurveyAnswerParser {

    /**
     * A leading score stands alone, is followed by a separator, or carries a unit (分, 星) after
     * which the comment may follow directly — so 「一般」 is not the numeral 一 plus a comment.
     */
    private static final Pattern LEADING_SCORE = Pattern.compile(
            "^([1-5一二三四五])(?:\\s*(?:分|颗星|星)[\\s,，。.、:：!！]*(.*)|[\\s,，。.、:：!！]+(.*)|)$", Pattern.DOTALL);

    /** Longest phrases first, so 「很不满意」 is not read as 「满意」. */
    private static final Map<String, Integer> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("非常不满意", 1);
        PHRASES.put("很不满意", 1);
        PHRASES.put("非常不滿意", 1);
        PHRASES.put("很不滿意", 1);
        PHRASES.put("不太满意", 2);
        PHRASES.put("不满意", 2);
        PHRASES.put("不滿意", 2);
        PHRASES.put("非常满意", 5);
        PHRASES.put("非常滿意", 5);
        PHRASES.put("很满意", 5);
        PHRASES.put("很滿意", 5);
        PHRASES.put("比较满意", 4);
        PHRASES.put("满意", 4);
        PHRASES.put("滿意", 4);
        PHRASES.put("一般", 3);
        PHRASES.put("还行", 3);
        PHRASES.put("還行", 3);
        PHRASES.put("太差", 1);
        PHRASES.put("很差", 1);
    }

    Optional<SurveyAnswer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.isEmpty() || t.length() > 500) {
            return Optional.empty();
        }
        Matcher m = LEADING_SCORE.matcher(t);
        if (m.matches()) {
            String comment = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
            return Optional.of(new SurveyAnswer(digit(m.group(1)), comment.strip()));
        }
        for (Map.Entry<String, Integer> phrase : PHRASES.entrySet()) {
            if (t.startsWith(phrase.getKey())) {
                String rest = t.substring(phrase.getKey().length()).replaceFirst("^[\\s,，。.、!！]+", "");
                return Optional.of(new SurveyAnswer(phrase.getValue(), rest));
            }
        }
        return Optional.empty();
    }

    private static int digit(String s) {
        return switch (s) {
            case "一" -> 1;
            case "二" -> 2;
            case "三" -> 3;
            case "四" -> 4;
            case "五" -> 5;
            default -> Integer.parseInt(s);
        };
    }
}
