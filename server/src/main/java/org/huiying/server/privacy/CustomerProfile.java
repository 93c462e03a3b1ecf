package org.huiying.server.privacy;

import java.time.Instant;

/** A customer as the reveal, the lookup and the export show them; {@code anonymisedAt} is set once erased. */
public record CustomerProfile(long id, String name, String phone, String vin, String vehicleModel, Instant createdAt,
                              Instant anonymisedAt) {
}
