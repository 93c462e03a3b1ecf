package org.huiying.routing.classification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.text.TextNormalizer;

/**
 * Classifies a customer's words by phrases. Deliberately simple and predictable: a supervisor can
 * tell why a ticket landed where it did, and an admin can fix it by adding a phrase. A fault code
 * (P0A80, U0100, …) always means a technical problem; technical outranks the other categories.
 */
public final class PhraseClassifier {

    /** Matched in normalised text, which is in lower case. */
    private static final Pattern FAULT_CODE = Pattern.compile("(?<![a-z0-9])[pbcu][0-9a-f]{4}(?![a-z0-9])");

    private final ClassifierRules rules;

    public PhraseClassifier(ClassifierRules rules) {
        this.rules = rules;
    }

    public Classification classify(String text) {
        String t = TextNormalizer.normalize(text);
        TicketType type = TicketType.INQUIRY;
        for (Map.Entry<TicketType, List<String>> e : rules.types().entrySet()) {
            if (containsAny(t, e.getValue())) {
                type = e.getKey();
                break;
            }
        }
        Set<String> skills = new LinkedHashSet<>();
        rules.skills().forEach((skill, phrases) -> {
            if (containsAny(t, phrases)) {
                skills.add(skill);
            }
        });
        return new Classification(type, category(t), skills);
    }

    private Category category(String t) {
        if (FAULT_CODE.matcher(t).find()) {
            return Category.TECHNICAL;
        }
        Category best = null;
        int bestHits = 0;
        for (Map.Entry<Category, List<String>> e : rules.categories().entrySet()) {
            int hits = hits(t, e.getValue());
            if (hits > 0 && e.getKey() == Category.TECHNICAL) {
                return Category.TECHNICAL;
            }
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    private static boolean containsAny(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static int hits(String text, List<String> phrases) {
        int n = 0;
        for (String p : phrases) {
            if (text.contains(p)) {
                n++;
            }
        }
        return n;
    }
}
