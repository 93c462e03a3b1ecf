package org.huiying.server.expert;

import java.time.Instant;
import java.util.List;
import org.huiying.server.ticket.TicketView;

/** A technician's question as listed: the question's facts and its ticket. */
record TechQuestion(String ticketId, long technicianId, String vin, String model, List<String> dtcCodes, Integer mileage,
                    List<String> photos, Instant askedAt, TicketView ticket) {
}
