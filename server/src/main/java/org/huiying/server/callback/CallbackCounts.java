package org.huiying.server.callback;

import java.util.List;

/**
 * Open callbacks due by the end of today ({@code dueToday}, overdue ones included), those past due
 * ({@code overdue}), and those nobody owns yet ({@code unowned}, due today); per owner for supervisors.
 */
record CallbackCounts(int dueToday, int overdue, int unowned, List<OwnerCounts> byOwner) {

    record OwnerCounts(long ownerId, int dueToday, int overdue) {
    }

    static CallbackCounts of(List<CallbackRepository.OwnerCount> rows, boolean perOwner) {
        int due = 0, overdue = 0, unowned = 0;
        for (CallbackRepository.OwnerCount r : rows) {
            due += r.due();
            overdue += r.overdue();
            unowned += r.ownerId() == null ? r.due() : 0;
        }
        List<OwnerCounts> owners = !perOwner ? List.of() : rows.stream().filter(r -> r.ownerId() != null)
                .map(r -> new OwnerCounts(r.ownerId(), r.due(), r.overdue())).toList();
        return new CallbackCounts(due, overdue, unowned, owners);
    }
}
