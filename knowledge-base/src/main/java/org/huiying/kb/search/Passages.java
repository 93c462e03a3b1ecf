package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huiying.kb.Article;
import org.huiying.text.TextNormalizer;

/**
 * An article cut into passages for the embedding model: whole sentences packed up to
 * {@value #MAX_CHARS} characters, a paragraph ending a passage once it has {@value #MIN_CHARS}
 * (so a manual's sections and an FAQ's answers stay apart), at most {@value #MAX_PASSAGES} per
 * article. A long article is then
 * found by the one passage that answers, instead of by a blurred average of everything it says.
 * Deterministic, so any backend can tell which passage a stored vector belongs to by its ordinal.
 */
public final class Passages {

    static final int MAX_CHARS = 200;
    static final int MIN_CHARS = 40;
    static final int MAX_PASSAGES = 64;
    /** Changes with the cutting rules above: vectors of another layout must be recomputed. */
    public static final String LAYOUT = "p" + MAX_CHARS + "x" + MAX_PASSAGES + "v2";

    private Passages() {
    }

    /** The passages of the body as shown to a person; the title alone when the body is empty. */
    public static List<String> of(Article article) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(article.body())) {
            boolean paragraphEnded = current.length() >= MIN_CHARS && current.charAt(current.length() - 1) == '\n';
            if (current.length() > 0 && (paragraphEnded || current.length() + sentence.length() > MAX_CHARS)) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
            for (int from = 0; from < sentence.length(); from += MAX_CHARS) {
                String piece = sentence.substring(from, Math.min(sentence.length(), from + MAX_CHARS));
                if (piece.length() == MAX_CHARS) {
                    out.add(piece.strip());
                } else {
                    current.append(piece);
                }
            }
        }
        if (current.toString().strip().length() > 0) {
            out.add(current.toString().strip());
        }
        out.removeIf(String::isEmpty);
        if (out.isEmpty()) {
            out.add(article.title());
        }
        return out.size() > MAX_PASSAGES ? List.copyOf(out.subList(0, MAX_PASSAGES)) : out;
    }

    /** What the model embeds for each passage: the title gives every passage its subject. */
    public static List<String> embeddingInputs(Article article) {
        return of(article).stream().map(p -> p.equals(article.title()) ? p : article.title() + "\n" + p).toList();
    }

    /**
     * The passage holding the most distinct query terms (the first on a tie), when the vectors did
     * not say which passage matched.
     */
    public static int bestLexical(List<String> passages, Set<String> terms) {
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < passages.size(); i++) {
            String text = TextNormalizer.normalize(passages.get(i));
            int count = 0;
            for (String term : terms) {
                if (text.contains(term)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> sentences(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r') {
                if (sentence.toString().strip().length() > 0) {
                    out.add(sentence.toString().strip() + "\n");
                } else if (!out.isEmpty() && !out.get(out.size() - 1).endsWith("\n")) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "\n"); // the paragraph ends here
                }
                sentence.setLength(0);
                continue;
            }
            sentence.append(c);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';') {
                out.add(sentence.toString());
                sentence.setLength(0);
            }
        }
        if (sentence.toString().strip().length() > 0) {
            out.add(sentence.toString());
        }
        return out;
    }
}
