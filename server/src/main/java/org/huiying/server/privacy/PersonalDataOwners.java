package org.huiying.server.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link PersonalData}, called in its order for erasure (rows pointing at others
 * first, the conversation module last) and in reverse for the export (roots first). Callers hold
 * the transaction; each call here runs inside it, so an erasure is whole or not at all.
 */
@Component
class PersonalDataOwners {

    private final List<PersonalData> erasureOrder;
    private final List<PersonalData> exportOrder;

    PersonalDataOwners(List<PersonalData> owners) {
        // sorted here too, not only by Spring's injection, so the order never depends on how the list was made
        List<PersonalData> sorted = new ArrayList<>(owners);
        AnnotationAwareOrderComparator.sort(sorted);
        this.erasureOrder = List.copyOf(sorted);
        Collections.reverse(sorted);
        this.exportOrder = List.copyOf(sorted);
    }

    /** @return how many message texts were erased */
    int eraseConversation(String conversationId, Instant now) {
        int messages = 0;
        for (PersonalData owner : erasureOrder) {
            messages += owner.eraseConversation(conversationId, now);
        }
        return messages;
    }

    void eraseCustomer(long customerId, List<String> conversationIds, Instant now) {
        for (PersonalData owner : erasureOrder) {
            owner.eraseCustomer(customerId, conversationIds, now);
        }
    }

    /** The conversations any module still needs whole. */
    Set<String> stillNeeded(Collection<String> conversationIds) {
        Set<String> needed = new HashSet<>();
        for (PersonalData owner : erasureOrder) {
            needed.addAll(owner.stillNeeded(conversationIds));
        }
        return needed;
    }

    /** The customer first, then each module's sections, roots first. */
    Map<String, Object> export(CustomerProfile customer, List<String> conversationIds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customer", customer);
        for (PersonalData owner : exportOrder) {
            out.putAll(owner.export(customer.id(), conversationIds));
        }
        return out;
    }
}
