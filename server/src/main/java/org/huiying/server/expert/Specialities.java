package org.huiying.server.expert;

import java.util.Collection;
import java.util.Set;
import org.huiying.routing.expertise.DtcSpecialities;
import org.huiying.server.runtime.EditableRule;
import org.huiying.server.runtime.RuleTexts;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.stereotype.Component;

/**
 * The shipped fault-code table plus the admin's lines, edited in /admin/ and kept in the database
 * (formerly {@code <data dir>/dtc-specialities.txt}, which becomes their first version).
 */
@Component
class Specialities {

    private final EditableRule<DtcSpecialities> table;

    Specialities(HuiyingProperties properties, RuleTexts rules) {
        this.table = rules.rule("dtc-specialities", DtcSpecialities::defaults, (defaults, in) -> defaults.copy().add(in, "line"),
                properties.dataDir().resolve("dtc-specialities.txt"));
    }

    EditableRule<DtcSpecialities> rules() {
        return table;
    }

    Set<String> of(Collection<String> codes) {
        return table.get().specialitiesOf(codes);
    }
}
