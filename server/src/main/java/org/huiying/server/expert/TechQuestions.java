package org.huiying.server.expert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huiying.server.conversation.Appended;
import org.huiying.server.conversation.CustomerDetails;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Sender;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.staff.StaffRepository;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Classifier;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketStatus;
import org.huiying.server.ticket.TicketViews;
import org.huiying.server.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Technicians' questions: asked, followed up, listed; the expert answers through the ticket. */
@Service
public class TechQuestions {

    private final Conversations conversations;
    private final Tickets tickets;
    private final TicketViews views;
    private final Specialities specialities;
    private final Classifier classifier;
    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final Clock clock;

    TechQuestions(Conversations conversations, Tickets tickets, TicketViews views, Specialities specialities,
                  Classifier classifier, StaffRepository staff, JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.views = views;
        this.specialities = specialities;
        this.classifier = classifier;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the question and its ticket together; the expert is found after commit. */
    @Transactional
    TechQuestion ask(CurrentStaff technician, NewQuestion body) {
        String text = body.validText();
        Set<String> codes = body.validCodes();
        CustomerDetails vehicle = body.validVehicle();
        Integer mileage = body.validMileage();
        List<String> photos = body.validPhotos();
        String name = staff.findById(technician.id()).map(s -> s.displayName()).orElse("技师");
        String conversationId = conversations.openTechConversation(name, vehicle.vin(), vehicle.model());
        Appended question = conversations.append(conversationId, Sender.TECHNICIAN, technician.id(), null,
                questionText(text, codes, mileage, photos));
        Set<String> skills = new LinkedHashSet<>(specialities.of(codes));
        skills.addAll(classifier.classify(text).skills());
        skills.remove("appointment");
        skills.remove("complaint");
        String ticketId = tickets.openTechSupport(conversationId, technician.id(), skills, vehicle.model(), question.message().at());
        jdbc.sql("""
                INSERT INTO tech_question (ticket_id, technician_id, vin, vehicle_model, dtc_codes, mileage_km, photos, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticketId, technician.id(), vehicle.vin(), vehicle.model(), String.join(",", codes), mileage,
                        String.join("\n", photos), Timestamps.sql(Timestamps.now(clock)))
                .update();
        return find(ticketId).orElseThrow();
    }

    /** The technician adds to their question (an answer to the expert, a new reading). */
    @Transactional
    Appended followUp(String ticketId, CurrentStaff technician, String text) {
        TechQuestion q = find(ticketId).orElseThrow(() -> ApiException.notFound("question"));
        if (q.technicianId() != technician.id()) {
            throw ApiException.forbidden("This question was asked by someone else.");
        }
        if ("RESOLVED".equals(q.ticket().status())) {
            throw ApiException.conflict("ticket_resolved", "This question is closed; ask a new one.");
        }
        return conversations.append(q.ticket().conversationId(), Sender.TECHNICIAN, technician.id(), null, text);
    }

    Optional<TechQuestion> find(String ticketId) {
        return jdbc.sql("SELECT * FROM tech_question WHERE ticket_id = ?").param(ticketId).query((rs, n) -> row(rs)).optional();
    }

    List<TechQuestion> list(CurrentStaff me) {
        boolean own = me.has("TECHNICIAN") && !me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN");
        var sql = jdbc.sql("SELECT * FROM tech_question" + (own ? " WHERE technician_id = ?" : "") + " ORDER BY created_at DESC LIMIT 500");
        return (own ? sql.param(me.id()) : sql).query((rs, n) -> row(rs)).list();
    }

    /** A resolved question that shared a fault code, for the expert to read how it was solved. */
    record Similar(String ticketId, String model, List<String> dtcCodes, java.time.Instant askedAt) {
    }

    /** Resolved questions sharing a fault code with this one, the same model first, newest first. */
    List<Similar> similarResolved(TechQuestion q, int max) {
        if (q.dtcCodes().isEmpty()) {
            return List.of();
        }
        List<Similar> sharing = new ArrayList<>();
        jdbc.sql("SELECT ticket_id, vehicle_model, dtc_codes, created_at FROM tech_question WHERE ticket_id <> ? ORDER BY created_at DESC LIMIT 2000")
                .param(q.ticketId())
                .query(rs -> {
                    List<String> codes = Arrays.asList(rs.getString("dtc_codes").split(","));
                    if (codes.stream().anyMatch(q.dtcCodes()::contains)) {
                        sharing.add(new Similar(rs.getString("ticket_id"), rs.getString("vehicle_model"), codes,
                                Timestamps.read(rs, "created_at")));
                    }
                });
        var resolved = tickets.getAll(sharing.stream().map(Similar::ticketId).toList());
        List<Similar> found = new ArrayList<>(sharing.stream()
                .filter(s -> resolved.containsKey(s.ticketId()) && resolved.get(s.ticketId()).status() == TicketStatus.RESOLVED)
                .limit(500).toList());
        found.sort(java.util.Comparator.comparing((Similar s) -> !java.util.Objects.equals(s.model(), q.model())));
        return found.subList(0, Math.min(max, found.size()));
    }

    /** Who asked in this conversation, when it is a technician's question. */
    public Optional<Long> technicianOf(String conversationId) {
        return tickets.requesterOf(conversationId);
    }

    /** A question asked in a period: when and about what (the expert report counts them). */
    record Asked(String ticketId, String model, String dtcCodes) {
    }

    List<Asked> askedBetween(java.time.Instant start, java.time.Instant end) {
        return jdbc.sql("SELECT ticket_id, vehicle_model, dtc_codes FROM tech_question WHERE created_at >= ? AND created_at < ?")
                .params(Timestamps.sql(start), Timestamps.sql(end))
                .query((rs, n) -> new Asked(rs.getString("ticket_id"), rs.getString("vehicle_model"), rs.getString("dtc_codes")))
                .list();
    }

    private TechQuestion row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String codes = rs.getString("dtc_codes");
        String photos = rs.getString("photos");
        int mileage = rs.getInt("mileage_km");
        Integer km = rs.wasNull() ? null : mileage;
        Ticket ticket = tickets.get(rs.getString("ticket_id"));
        return new TechQuestion(ticket.id(), rs.getLong("technician_id"), rs.getString("vin"), rs.getString("vehicle_model"),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), km,
                photos == null || photos.isEmpty() ? List.of() : Arrays.asList(photos.split("\n")),
                Timestamps.read(rs, "created_at"), views.of(ticket));
    }

    private static String questionText(String text, Set<String> codes, Integer mileage, List<String> photos) {
        List<String> lines = new ArrayList<>();
        lines.add(text);
        if (!codes.isEmpty()) {
            lines.add("故障码：" + String.join("、", codes));
        }
        if (mileage != null) {
            lines.add("里程：" + mileage + " km");
        }
        photos.forEach(p -> lines.add("[图片] " + p));
        return String.join("\n", lines);
    }
}
