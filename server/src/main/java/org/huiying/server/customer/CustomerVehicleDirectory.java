package org.huiying.server.customer;

import java.util.List;
import java.util.Optional;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.ticket.VehicleDirectory;
import org.springframework.stereotype.Component;

/** Tickets' view of the vehicles: a new ticket is about the customer's car when they have exactly one. */
@Component
class CustomerVehicleDirectory implements VehicleDirectory {

    private final Vehicles vehicles;
    private final CustomerFiles customers;

    CustomerVehicleDirectory(Vehicles vehicles, CustomerFiles customers) {
        this.vehicles = vehicles;
        this.customers = customers;
    }

    @Override
    public Optional<VehicleRef> soleVehicleOf(String conversationId) {
        Optional<Long> customer = customers.customerOf(conversationId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Vehicle> owned = vehicles.of(customer.get());
        return owned.size() == 1 ? Optional.of(ref(owned.get(0))) : Optional.empty();
    }

    @Override
    public Optional<VehicleRef> ofConversationCustomer(String conversationId, long vehicleId) {
        Optional<Long> customer = customers.customerOf(conversationId);
        return vehicles.find(vehicleId).filter(v -> customer.isPresent() && v.customerId() == customer.get()).map(CustomerVehicleDirectory::ref);
    }

    private static VehicleRef ref(Vehicle v) {
        return new VehicleRef(v.id(), v.customerId(), v.vin(), v.model());
    }
}
