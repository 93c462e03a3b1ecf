package org.huiying.server.callback;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.Staff;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.Tickets;
import org.springframework.stereotype.Component;

/**
 * Who may work a callback: its owner; supervisors and admins any; an agent one nobody owns yet when they
 * hold every skill its ticket needs (the dispatcher's rule for tickets). Anyone else is answered as if
 * the task did not exist.
 */
@Component
class CallbackAccess {

    private final StaffRepository staff;
    private final Tickets tickets;

    CallbackAccess(StaffRepository staff, Tickets tickets) {
        this.staff = staff;
        this.tickets = tickets;
    }

    static boolean seesAll(CurrentStaff me) {
        return me.has("SUPERVISOR") || me.has("ADMIN");
    }

    boolean mayWork(CallbackTask task, CurrentStaff me) {
        if (seesAll(me) || task.ownerId() != null && task.ownerId() == me.id()) {
            return true;
        }
        return task.ownerId() == null && me.has("AGENT") && skillsFit(skillsOf(me), tickets.get(task.ticketId()));
    }

    /** The agent's skills, read once for a whole list. */
    Set<String> skillsOf(CurrentStaff me) {
        return staff.findById(me.id()).map(Staff::skills).orElse(Set.of());
    }

    /** Unowned tasks among {@code tasks} whose tickets the agent has the skills for; owned ones are kept as they are. */
    boolean fits(CallbackTask task, Set<String> skills, Map<String, Ticket> ticketsById) {
        if (task.ownerId() != null) {
            return true;
        }
        Ticket ticket = ticketsById.get(task.ticketId());
        return ticket != null && skillsFit(skills, ticket);
    }

    Map<String, Ticket> ticketsOf(Collection<CallbackTask> tasks) {
        return tickets.getAll(tasks.stream().map(CallbackTask::ticketId).distinct().toList());
    }

    private static boolean skillsFit(Set<String> skills, Ticket ticket) {
        return skills.containsAll(ticket.skills());
    }
}
