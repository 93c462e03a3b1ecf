package org.huiying.server.ticket;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.huiying.routing.Category;
import org.huiying.routing.assignment.Priority;
import org.huiying.routing.TicketType;

/**
 * What a ticket is opened with, named instead of positional: built with {@link #of} and the
 * {@code with…} steps that apply, then handed to {@link TicketOpening#open}.
 *
 * @param at          when its SLA clock starts (the customer's message, the technician's question, now)
 * @param requestedBy the staff member who asked (a technician's question), who may then see the ticket
 */
record NewTicket(String conversationId, TicketType type, Category category, Set<String> skills, int priority,
                 String queue, String vehicleModel, String parentId, Long requestedBy, Instant at, Long vehicleId) {

    /** A ticket of {@code type} on a conversation, in the type's own queue at the type's priority. */
    static NewTicket of(String conversationId, TicketType type, Instant at) {
        return new NewTicket(conversationId, type, null, Set.of(), Priority.of(type, null), queueOf(type), null, null, null, at, null);
    }

    NewTicket withCategory(Category category) {
        return new NewTicket(conversationId, type, category, skills, Priority.of(type, category), queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    NewTicket withSkills(Set<String> skills) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    NewTicket withPriority(int priority) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    NewTicket withQueue(String queue) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    NewTicket withVehicleModel(String vehicleModel) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    /** The customer's vehicle it is about; its model becomes the ticket's. */
    NewTicket withVehicle(long vehicleId, String model) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, model != null ? model : vehicleModel,
                parentId, requestedBy, at, vehicleId);
    }

    NewTicket followingUp(String parentId) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, requestedBy, at, vehicleId);
    }

    NewTicket requestedBy(Long staffId) {
        return new NewTicket(conversationId, type, category, skills, priority, queue, vehicleModel, parentId, staffId, at, vehicleId);
    }

    /** {@code COMPLAINT} → {@code complaint}, {@code TECH_SUPPORT} → {@code tech-support}. */
    static String queueOf(TicketType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
