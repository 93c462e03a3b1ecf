package org.huiying.server.expert;

import java.util.Collection;
import java.util.Set;
import org.huiying.routing.expertise.DtcSpecialities;
import org.huiying.server.runtime.EditableFile;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.stereotype.Component;

/** The shipped fault-code table plus the admin's {@code <data dir>/dtc-specialities.txt}. */
@Component
class Specialities {

    private final EditableFile<DtcSpecialities> table;

    Specialities(HuiyingProperties properties) {
        this.table = new EditableFile<>(properties.dataDir().resolve("dtc-specialities.txt"), DtcSpecialities::defaults,
                (defaults, in) -> defaults.copy().add(in, "dtc-specialities.txt"));
    }

    Set<String> of(Collection<String> codes) {
        return table.get().specialitiesOf(codes);
    }
}
