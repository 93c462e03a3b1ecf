package org.huiying.kb.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.huiying.text.TextNormalizer;

/**
 * Splits after-sales text into words: runs of Chinese go through SmartCN's HMM segmenter, while
 * runs of Latin letters and digits stay whole, so fault codes (P0AA6, U0100) and abbreviations
 * (BMS, OBC, 800V) are single tokens. Joiners inside such a run are dropped, which makes
 * 「DC-DC」, 「DC/DC」 and 「dcdc」 the same token {@code dcdc}.
 *
 * <p>The whole input is normalised first ({@link TextNormalizer}); offsets point into the original
 * text whenever normalisation kept its length, which is the case for CJK and ASCII text.
 */
public final class DomainTokenizer extends Tokenizer {

    /** Token type of a Latin/digit run: a code, an abbreviation or a number. */
    public static final String CODE = "<CODE>";
    /** Token type of a segmented Chinese word. */
    public static final String WORD = "<WORD>";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final HMMChineseTokenizer segmenter = new HMMChineseTokenizer();
    private final List<Span> spans = new ArrayList<>();
    private int next;
    private int finalOffset;

    private record Span(String term, int start, int end, String type) {
    }

    @Override
    public boolean incrementToken() {
        if (next >= spans.size()) {
            return false;
        }
        clearAttributes();
        Span span = spans.get(next++);
        termAtt.setEmpty().append(span.term);
        offsetAtt.setOffset(correctOffset(span.start), correctOffset(span.end));
        typeAtt.setType(span.type);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String original = readAll();
        String text = TextNormalizer.normalize(original);
        spans.clear();
        next = 0;
        split(text);
        finalOffset = correctOffset(original.length());
        if (text.length() != original.length()) {
            // Offsets cannot be mapped back exactly; keep them inside the original text.
            spans.replaceAll(s -> new Span(s.term, Math.min(s.start, original.length()),
                    Math.min(s.end, original.length()), s.type));
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[1024];
        int n;
        while ((n = input.read(buffer)) != -1) {
            sb.append(buffer, 0, n);
        }
        return sb.toString();
    }

    private void split(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAlnum(c)) {
                i = code(text, i);
            } else if (isHan(c)) {
                int end = i;
                while (end < text.length() && isHan(text.charAt(end))) {
                    end++;
                }
                segment(text.substring(i, end), i);
                i = end;
            } else {
                i++;
            }
        }
    }

    private int code(String text, int start) {
        StringBuilder term = new StringBuilder();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAlnum(c)) {
                term.append(c);
                i++;
            } else if (isJoiner(c) && i + 1 < text.length() && isAlnum(text.charAt(i + 1))) {
                if (c == '.') {
                    term.append(c); // 2.5 stays a number; DC-DC and DC/DC become dcdc
                }
                i++;
            } else {
                break;
            }
        }
        spans.add(new Span(term.toString(), start, i, CODE));
        return i;
    }

    private void segment(String han, int base) {
        CharTermAttribute term = segmenter.getAttribute(CharTermAttribute.class);
        OffsetAttribute offset = segmenter.getAttribute(OffsetAttribute.class);
        try {
            segmenter.setReader(new StringReader(han));
            segmenter.reset();
            while (segmenter.incrementToken()) {
                spans.add(new Span(term.toString(), base + offset.startOffset(), base + offset.endOffset(), WORD));
            }
            segmenter.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        } finally {
            try {
                segmenter.close();
            } catch (IOException ignored) {
                // nothing to release for a StringReader
            }
        }
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '/' || c == '_' || c == '.' || c == '+';
    }
}
