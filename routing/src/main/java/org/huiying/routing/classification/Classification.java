package org.huiying.routing.classification;

import org.huiying.routing.TicketType;
import org.huiying.routing.Category;
import java.util.Set;

/**
 * What the classifier concluded from a customer's words.
 *
 * @param category null when the text gives no sign of any of the three feedback categories
 * @param skills   the skills an agent needs to handle the ticket; empty means anyone
 */
public record Classification(TicketType type, Category category, Set<String> skills) {

    public Classification {
        skills = Set.copyOf(skills);
    }
}
