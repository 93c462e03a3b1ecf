package org.huiying.kb.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.huiying.text.TextNormalizer;

/**
 * The one analysis chain of the knowledge base, used for indexing and for querying by every
 * backend: normalise ({@link TextNormalizer}) → segment ({@link DomainTokenizer}) → drop stop
 * words → replace every synonym by its canonical form ({@link SynonymDictionary}). A second,
 * character-level view ({@link #characters}) gives CJK bigrams for recall on words the segmenter
 * does not know.
 *
 * <p>Thread-safe; the dictionary can be swapped at run time with {@link #useSynonyms}. Backends
 * index the returned terms joined by spaces into fields that split on whitespace only, which is
 * what makes Lucene and Elasticsearch see exactly the same terms.
 */
public final class ChineseAnalysis {

    private static final CharArraySet STOP = new CharArraySet(StopWords.CHINESE, false);

    private volatile Analyzer words;
    private volatile SynonymDictionary dictionary;
    private volatile Map<String, List<String>> variants;

    public ChineseAnalysis(SynonymDictionary dictionary) {
        useSynonyms(dictionary);
    }

    /** A term and where it came from in the analysed text. */
    public record Token(String term, int start, int end) {
    }

    /** Swaps the dictionary; text analysed from now on uses it. */
    public void useSynonyms(SynonymDictionary dictionary) {
        Map<String, List<String>> byCanonical = new HashMap<>();
        this.words = analyzer(synonymMap(dictionary, byCanonical));
        this.variants = byCanonical;
        this.dictionary = dictionary;
    }

    /**
     * The normalised ways of writing the canonical term {@code term} (itself included), e.g.
     * 「跳枪」 and 「充电中断」 for {@code 充电中断}: what a highlight looks for in the text.
     */
    public List<String> variantsOf(String term) {
        return variants.getOrDefault(term, List.of(term));
    }

    public SynonymDictionary dictionary() {
        return dictionary;
    }

    /** The word-level Lucene analyzer (for token-level tests and Lucene-only tooling). */
    public Analyzer wordAnalyzer() {
        return words;
    }

    public List<String> words(String text) {
        return wordTokens(text).stream().map(Token::term).toList();
    }

    public List<Token> wordTokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream("text", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public List<String> characters(String text) {
        return characterTokens(text).stream().map(Token::term).toList();
    }

    /**
     * Character bigrams of each run of Chinese (a lone character stands alone), and each run of
     * Latin letters and digits whole, as {@link DomainTokenizer} keeps it.
     */
    public List<Token> characterTokens(String text) {
        String original = text == null ? "" : text;
        String normalized = TextNormalizer.normalize(original);
        boolean aligned = normalized.length() == original.length();
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < normalized.length()) {
            char c = normalized.charAt(i);
            if (DomainTokenizer.isHan(c)) {
                int end = i;
                while (end < normalized.length() && DomainTokenizer.isHan(normalized.charAt(end))) {
                    end++;
                }
                if (end - i == 1) {
                    out.add(token(normalized.substring(i, end), i, end, aligned, original));
                }
                for (int k = i; k + 2 <= end; k++) {
                    out.add(token(normalized.substring(k, k + 2), k, k + 2, aligned, original));
                }
                i = end;
            } else if (DomainTokenizer.isAlnum(c)) {
                int end = i;
                while (end < normalized.length() && (DomainTokenizer.isAlnum(normalized.charAt(end))
                        || joinsCode(normalized, end))) {
                    end++;
                }
                String code = normalized.substring(i, end).replaceAll("[-/_+]", "");
                out.add(token(code, i, end, aligned, original));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean joinsCode(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '/' || c == '_' || c == '.' || c == '+')
                && i + 1 < s.length() && DomainTokenizer.isAlnum(s.charAt(i + 1));
    }

    private static Token token(String term, int start, int end, boolean aligned, String original) {
        return aligned ? new Token(term, start, end)
                : new Token(term, Math.min(start, original.length()), Math.min(end, original.length()));
    }

    private static Analyzer analyzer(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new DomainTokenizer();
                TokenStream stream = new StopFilter(source, STOP);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, false);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static Analyzer baseAnalyzer() {
        return analyzer(null);
    }

    /** Every entry maps to one token: the canonical form, written without spaces. */
    private static SynonymMap synonymMap(SynonymDictionary dictionary, Map<String, List<String>> variants) {
        if (dictionary.groups().isEmpty()) {
            return null;
        }
        try (Analyzer base = baseAnalyzer()) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            Set<String> seenInputs = new HashSet<>();
            for (List<String> group : dictionary.groups()) {
                String canonical = String.join("", termsOf(base, group.get(0)));
                if (canonical.isEmpty()) {
                    continue;
                }
                List<String> written = variants.computeIfAbsent(canonical, k -> new ArrayList<>(List.of(k)));
                for (String entry : group) {
                    String surface = TextNormalizer.normalize(entry).replaceAll("\\s+", "");
                    if (!written.contains(surface)) {
                        written.add(surface);
                    }
                    List<String> terms = termsOf(base, entry);
                    if (terms.isEmpty() || !seenInputs.add(String.join(" ", terms))) {
                        continue; // the first group that claims an input wins
                    }
                    if (terms.size() == 1 && terms.get(0).equals(canonical)) {
                        continue; // already canonical
                    }
                    builder.add(join(terms), new CharsRef(canonical), false);
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef join(List<String> terms) {
        return SynonymMap.Builder.join(terms.toArray(String[]::new), new CharsRefBuilder());
    }

    private static List<String> termsOf(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("entry", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
