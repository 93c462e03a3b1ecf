package org.huiying.server.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huiying.server.conversation.CustomerFiles;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers' vehicles. A merged record's vehicles are read through the record it was merged into. */
@Service
public class Vehicles {

    static final String COLUMNS = "id, customer_id, vin, model, purchase_date, warranty_end, battery_warranty_end, dealer, region, created_at";

    private final JdbcClient jdbc;
    private final CustomerFiles customers;
    private final AuditLog audit;
    private final Clock clock;
    private final HuiyingProperties properties;

    Vehicles(JdbcClient jdbc, CustomerFiles customers, AuditLog audit, Clock clock, HuiyingProperties properties) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Today where the centre works: a warranty ends at the end of its last day there. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    public List<Vehicle> of(long customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle WHERE customer_id = ? ORDER BY id").param(customerId)
                .query(Vehicles::map).list();
    }

    /** The customer's vehicles with their warranty status today. */
    public List<VehicleView> viewsOf(long customerId) {
        LocalDate today = today();
        return of(customerId).stream().map(v -> VehicleView.of(v, today)).toList();
    }

    Optional<Vehicle> find(long vehicleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle WHERE id = ?").param(vehicleId).query(Vehicles::map).optional();
    }

    @Transactional
    public Vehicle add(long customerId, NewVehicle.Valid v, long byStaffId) {
        var customer = customers.find(customerId).orElseThrow(() -> ApiException.notFound("customer"));
        if (customer.mergedInto() != null) {
            throw ApiException.conflict("customer_merged", "This record was merged into customer " + customer.mergedInto() + ".");
        }
        Instant now = Timestamps.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO vehicle (customer_id, vin, model, purchase_date, warranty_end, battery_warranty_end, dealer, region, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(customerId, v.vin(), v.model(), v.purchaseDate(), v.warrantyEnd(), v.batteryWarrantyEnd(), v.dealer(),
                            v.region(), Timestamps.sql(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("vehicle_exists", "This customer already has the vehicle " + v.vin() + ".");
        }
        audit.record(byStaffId, AuditAction.VEHICLE_ADD, customerId, v.vin(), null, null);
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /** Moves vehicles to another customer (a merge) and back (its undo). */
    void move(List<Long> vehicleIds, long toCustomerId) {
        for (long id : vehicleIds) {
            jdbc.sql("UPDATE vehicle SET customer_id = ? WHERE id = ?").params(toCustomerId, id).update();
        }
    }

    static Vehicle map(ResultSet rs, int row) throws SQLException {
        return new Vehicle(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("vin"), rs.getString("model"),
                date(rs, "purchase_date"), date(rs, "warranty_end"), date(rs, "battery_warranty_end"), rs.getString("dealer"),
                rs.getString("region"), Timestamps.read(rs, "created_at"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
