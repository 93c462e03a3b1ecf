package org.huiying.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huiying.kb.analysis.ChineseAnalysis;

/**
 * Builds the highlighted snippet of a hit in-process, from the article text and the query's
 * analysed terms, so both backends return the same snippet: the window of the body holding the
 * most distinct matched terms, HTML-escaped, each match wrapped in {@code <em>…</em>}.
 */
public final class Snippets {

    static final int WINDOW = 90;

    private final ChineseAnalysis analysis;

    public Snippets(ChineseAnalysis analysis) {
        this.analysis = analysis;
    }

    private record Match(int start, int end, String term) {
    }

    public String highlight(String body, SearchPlan plan) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        List<Match> matches = matches(body, plan);
        if (matches.isEmpty()) {
            return escape(cut(body, 0, Math.min(body.length(), WINDOW)));
        }
        int bestStart = 0;
        int bestScore = -1;
        for (Match m : matches) {
            int start = Math.max(0, Math.min(m.start - 10, body.length() - WINDOW));
            int end = Math.min(body.length(), start + WINDOW);
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
        return render(body, matches, bestStart, Math.min(body.length(), bestStart + WINDOW));
    }

    private List<Match> matches(String body, SearchPlan plan) {
        List<Match> raw = new ArrayList<>();
        for (ChineseAnalysis.Token t : analysis.wordTokens(body)) {
            if (plan.words().contains(t.term())) {
                raw.add(new Match(t.start(), t.end(), t.term()));
            }
        }
        for (ChineseAnalysis.Token t : analysis.characterTokens(body)) {
            if (t.term().length() >= 2 && plan.characters().contains(t.term())) {
                raw.add(new Match(t.start(), t.end(), t.term()));
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

    private static String cut(String body, int start, int end) {
        return body.substring(start, end) + (end < body.length() ? "…" : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
