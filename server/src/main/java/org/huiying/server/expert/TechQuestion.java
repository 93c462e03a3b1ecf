package org.huiying.server.expert;

import java.time.Instant;
import java.util.List;
import org.huiying.server.ticket.TicketView;

/**
 * A technician's question as listed: the question's facts and its ticket. {@code photos} are links the
 * technician gave; {@code uploadedPhotos} the pictures they uploaded, fetched with the staff token.
 */
record TechQuestion(String ticketId, long technicianId, String vin, String model, List<String> dtcCodes, Integer mileage,
                    List<String> photos, List<TechPhoto> uploadedPhotos, Instant askedAt, TicketView ticket) {

    TechQuestion withUploadedPhotos(List<TechPhoto> uploaded) {
        return new TechQuestion(ticketId, technicianId, vin, model, dtcCodes, mileage, photos, uploaded, askedAt, ticket);
    }
}
