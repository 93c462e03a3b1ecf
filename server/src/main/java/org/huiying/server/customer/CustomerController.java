package org.huiying.server.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.phone.PhoneNumbers;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.Masking;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's vehicles (staff who serve customers) and merges of duplicate records (supervisors, admins). */
@RestController
class CustomerController {

    private final Vehicles vehicles;
    private final CustomerMerges merges;
    private final CustomerFiles customers;
    private final AuditLog audit;

    CustomerController(Vehicles vehicles, CustomerMerges merges, CustomerFiles customers, AuditLog audit) {
        this.vehicles = vehicles;
        this.merges = merges;
        this.customers = customers;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/customers/{id}/vehicles")
    List<VehicleView> vehicles(@PathVariable long id, Authentication auth) {
        servesCustomers(CurrentStaff.of(auth));
        return vehicles.viewsOf(survivor(id));
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/customers/{id}/vehicles")
    @ResponseStatus(HttpStatus.CREATED)
    VehicleView addVehicle(@PathVariable long id, @RequestBody NewVehicle body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        servesCustomers(me);
        if (body == null) {
            throw ApiException.badRequest("invalid_vin", "vin: required");
        }
        return VehicleView.of(vehicles.add(id, body.validated(), me.id()), vehicles.today());
    }

    record MergeRequest(Long duplicateId) {
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/customers/{id}/merge")
    @ResponseStatus(HttpStatus.CREATED)
    CustomerMerge merge(@PathVariable long id, @RequestBody(required = false) MergeRequest body, Authentication auth) {
        CurrentStaff me = supervisor(auth);
        if (body == null || body.duplicateId() == null) {
            throw ApiException.badRequest("duplicate_required", "duplicateId: the record to merge into this one");
        }
        return merges.merge(id, body.duplicateId(), me.id());
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/customers/{id}/merges")
    List<CustomerMerge> merges(@PathVariable long id, Authentication auth) {
        supervisor(auth);
        return merges.into(id);
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @PostMapping("/api/customers/{id}/merges/{mergeId}/undo")
    CustomerMerge undo(@PathVariable long id, @PathVariable String mergeId, Authentication auth) {
        return merges.undo(id, mergeId, supervisor(auth).id());
    }

    /** Other records that may be this person (the same phone number), masked; for a supervisor to merge. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/customers/{id}/duplicates")
    List<Map<String, Object>> duplicates(@PathVariable long id, Authentication auth) {
        CurrentStaff me = supervisor(auth);
        var customer = customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
        List<Map<String, Object>> found = new ArrayList<>();
        if (customer.phone() != null) {
            PhoneNumbers.e164(customer.phone()).ifPresent(e164 -> customers.withPhone(PhoneNumbers.spellings(e164)).stream()
                    .filter(c -> c.customerId() != id)
                    .forEach(c -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", c.customerId());
                        row.put("name", Masking.name(c.name()));
                        row.put("phone", Masking.phone(c.phone()));
                        row.put("vehicleModel", c.vehicleModel());
                        row.put("phoneVerified", c.phoneVerified());
                        found.add(row);
                    }));
        }
        audit.record(me.id(), AuditAction.LOOKUP, id, null, "duplicates", found.size() + " found");
        return found;
    }

    /** A merged record's vehicles are the survivor's now. */
    private long survivor(long id) {
        var customer = customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
        return customer.mergedInto() != null ? customer.mergedInto() : id;
    }

    static void servesCustomers(CurrentStaff me) {
        if (!(me.has("AGENT") || me.has("SUPERVISOR") || me.has("ADMIN") || me.has("EXPERT"))) {
            throw ApiException.forbidden("Only staff who serve customers see their vehicles.");
        }
    }

    private static CurrentStaff supervisor(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!(me.has("SUPERVISOR") || me.has("ADMIN"))) {
            throw ApiException.forbidden("Only supervisors and admins merge customer records.");
        }
        return me;
    }
}
