package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huiying.kb.analysis.ChineseAnalysis;
import org.huiying.text.TextNormalizer;

/**
 * Builds the highlighted snippet of a hit in-process, so both backends return the same snippet:
 * the window of the body holding the most distinct query terms, HTML-escaped, each match wrapped in
 * {@code <em>…</em>}. Matches are found by plain string search for the query's terms, their
 * dictionary variants and its character bigrams in the normalised body — cheap enough to run for
 * every hit (re-analysing each body would cost more than the search).
 */
public final class Snippets {

    static final int WINDOW = 90;

    public Snippets(ChineseAnalysis analysis) {
        // The plan already carries the analysed terms; kept for symmetry with the backends' wiring.
    }

    private record Match(int start, int end, String term) {
    }

    public String highlight(String body, SearchPlan plan) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String normalized = TextNormalizer.normalize(body);
        String shown = normalized.length() == body.length() ? body : normalized;
        List<Match> matches = matches(normalized, plan.highlightTerms());
        if (matches.isEmpty()) {
            return render(shown, matches, 0, Math.min(shown.length(), WINDOW));
        }
        int bestStart = 0;
        int bestScore = -1;
        for (Match m : matches) {
            int start = Math.max(0, Math.min(m.start - 10, shown.length() - WINDOW));
            int end = Math.min(shown.length(), start + WINDOW);
            Set<String> distinct = new HashSet<>();
            for (Match other : matches) {
                if (other.start >= start && other.end <= end) {
                    distinct.add(other.term);
                }
            }
            if (distinct.size() > bestScore) {
                bestScore = distinct.size();
                bestStart = start;
            }
        }
        return render(shown, matches, bestStart, Math.min(shown.length(), bestStart + WINDOW));
    }

    private static List<Match> matches(String text, Set<String> terms) {
        List<Match> raw = new ArrayList<>();
        for (String term : terms) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                raw.add(new Match(at, at + term.length(), term));
            }
        }
        raw.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end));
        List<Match> merged = new ArrayList<>();
        for (Match m : raw) {
            Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start <= last.end) {
                merged.set(merged.size() - 1, new Match(last.start, Math.max(last.end, m.end), last.term));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    private static String render(String body, List<Match> matches, int start, int end) {
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int at = start;
        for (Match m : matches) {
            if (m.end <= start || m.start >= end) {
                continue;
            }
            int s = Math.max(m.start, start);
            int e = Math.min(m.end, end);
            out.append(escape(body.substring(at, s))).append("<em>").append(escape(body.substring(s, e))).append("</em>");
            at = e;
        }
        out.append(escape(body.substring(at, end)));
        if (end < body.length()) {
            out.append('…');
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
