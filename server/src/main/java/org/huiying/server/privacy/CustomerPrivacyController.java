package org.huiying.server.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.phone.PhoneNumbers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's personal data on request: the audited reveal of phone and name (roles in
 * {@code huiying.privacy.reveal-roles}, with a reason), and for admins the lookup by phone, the export
 * of everything stored, and the erasure. Each writes its audit record in the same transaction as it
 * reads or changes the data, before answering.
 */
@RestController
class CustomerPrivacyController {

    private final CustomerDirectory customers;
    private final PersonalDataOwners owners;
    private final AuditLog audit;
    private final PrivacyProperties privacy;
    private final TransactionTemplate tx;
    private final Clock clock;

    CustomerPrivacyController(CustomerDirectory customers, PersonalDataOwners owners, AuditLog audit, PrivacyProperties privacy,
                              PlatformTransactionManager transactions, Clock clock) {
        this.customers = customers;
        this.owners = owners;
        this.audit = audit;
        this.privacy = privacy;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    record RevealRequest(String reason) {
    }

    record Revealed(long customerId, String name, String phone, String vin, String model) {
    }

    @PreAuthorize("@revealRoles.include(authentication)")
    @PostMapping("/api/customers/{id}/reveal")
    Revealed reveal(@PathVariable long id, @RequestBody(required = false) RevealRequest body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!privacy.mayReveal(me.roles())) {
            throw ApiException.forbidden("Your role may not see customers' full phone numbers and names.");
        }
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw ApiException.badRequest("reason_required", "reason: say why the full phone number and name are needed");
        }
        if (reason.length() > 500) {
            throw ApiException.badRequest("reason_too_long", "reason: at most 500 characters");
        }
        return tx.execute(status -> {
            CustomerProfile c = customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
            audit.record(me.id(), AuditAction.REVEAL, id, null, "name,phone", reason);
            return new Revealed(c.id(), c.name(), c.phone(), c.vin(), c.vehicleModel());
        });
    }

    /** A customer as the admin's lookup lists it: masked, so finding someone does not disclose them. */
    record Found(long id, String name, String phone, String vehicleModel, Instant createdAt, long conversations,
                 boolean anonymised) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/customers")
    List<Found> lookup(@RequestParam String phone, Authentication auth) {
        CurrentStaff me = Admins.require(auth, "Only admins look customers up.");
        String e164 = PhoneNumbers.e164(phone)
                .orElseThrow(() -> ApiException.badRequest("invalid_phone", "phone: a phone number such as 13812345678"));
        return tx.execute(status -> {
            List<Found> found = customers.findByPhone(PhoneNumbers.spellings(e164)).stream()
                    .map(c -> new Found(c.id(), Masking.name(c.name()), Masking.phone(c.phone()), c.vehicleModel(),
                            c.createdAt(), customers.conversationCount(c.id()), c.anonymisedAt() != null))
                    .toList();
            audit.record(me.id(), AuditAction.LOOKUP, found.size() == 1 ? found.get(0).id() : null, null, "phone",
                    found.size() + " found");
            return found;
        });
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/customers/{id}/export")
    Map<String, Object> export(@PathVariable long id, Authentication auth) {
        CurrentStaff me = Admins.require(auth, "Only admins export customer data.");
        customers.conversationsOf(id).forEach(customers::awaitStored); // acknowledged messages still in the journal too
        return tx.execute(status -> {
            CustomerProfile c = customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
            Map<String, Object> data = owners.export(c, customers.conversationsOf(id));
            audit.record(me.id(), AuditAction.EXPORT, id, null, "all", null);
            data.put("exportedAt", Timestamps.now(clock));
            return data;
        });
    }

    record Erased(long customerId, int conversations, int messages) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/api/customers/{id}")
    Erased erase(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth) {
        CurrentStaff me = Admins.require(auth, "Only admins erase customer data.");
        customers.conversationsOf(id).forEach(customers::awaitStored); // no acknowledged text escapes the erasure
        return tx.execute(status -> {
            customers.find(id).orElseThrow(() -> ApiException.notFound("customer"));
            Instant now = Timestamps.now(clock);
            List<String> conversations = customers.conversationsOf(id);
            int messages = 0;
            for (String conversation : conversations) {
                messages += owners.eraseConversation(conversation, now);
            }
            owners.eraseCustomer(id, conversations, now);
            audit.record(me.id(), AuditAction.ERASE, id, null, "all", reason == null || reason.isBlank() ? null : reason.strip());
            return new Erased(id, conversations.size(), messages);
        });
    }
}
