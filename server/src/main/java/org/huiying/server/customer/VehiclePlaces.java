package org.huiying.server.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huiying.server.storage.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where vehicles were sold and are serviced, as registered: the dealer and the region, when known. */
@Component
public class VehiclePlaces {

    /** Either may be null (not registered). */
    public record Place(String region, String dealer) {
    }

    private static final int CHUNK = 1024;

    private final JdbcClient jdbc;

    VehiclePlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The places of those of {@code vehicleIds} that have a region or a dealer; the others are absent. */
    public Map<Long, Place> of(Collection<Long> vehicleIds) {
        Map<Long, Place> places = new HashMap<>();
        if (vehicleIds.isEmpty()) {
            return places;
        }
        // a month's report asks for tens of thousands of vehicles: long lists, few statements
        List<Long> all = new ArrayList<>(vehicleIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("SELECT id, region, dealer FROM vehicle WHERE id IN (:ids) AND (region IS NOT NULL OR dealer IS NOT NULL)")
                    .param("ids", InLists.padded(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .query(rs -> {
                        places.put(rs.getLong("id"), new Place(rs.getString("region"), rs.getString("dealer")));
                    });
        }
        return places;
    }
}
