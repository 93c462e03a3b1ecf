package org.huiying.server.ticket;

import java.util.Optional;

/**
 * The customers' vehicles as tickets need them: which one a new ticket is about, and whether a vehicle
 * an agent names belongs to the ticket's customer. Defined here and implemented by the customer module,
 * which sits above tickets (its customer card reads them), so tickets never depend on it.
 */
public interface VehicleDirectory {

    /** A vehicle of a customer. */
    record VehicleRef(long id, long customerId, String vin, String model) {
    }

    /** The vehicle of the conversation's customer when they have exactly one (then a ticket is about it). */
    Optional<VehicleRef> soleVehicleOf(String conversationId);

    /** The vehicle, if it belongs to the conversation's customer. */
    Optional<VehicleRef> ofConversationCustomer(String conversationId, long vehicleId);
}
