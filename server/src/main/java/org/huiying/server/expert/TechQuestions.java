package org.huiying.server.expert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.huiying.server.ticket.TicketViews;
import org.huiying.server.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Technicians' questions: asked, followed up, closed, listed; the expert answers through the ticket. */
@Service
public class TechQuestions {

    private final Conversations conversations;
    private final Tickets tickets;
    private final TicketViews views;
    private final Specialities specialities;
    private final Classifier classifier;
    private final StaffRepository staff;
    private final TechPhotos photos;
    private final JdbcClient jdbc;
    private final Clock clock;

    TechQuestions(Conversations conversations, Tickets tickets, TicketViews views, Specialities specialities,
                  Classifier classifier, StaffRepository staff, TechPhotos photos, JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.tickets = tickets;
        this.views = views;
        this.specialities = specialities;
        this.classifier = classifier;
        this.staff = staff;
        this.photos = photos;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the question, its ticket and its photos together; the expert is found after commit. */
    @Transactional
    TechQuestion ask(CurrentStaff technician, NewQuestion body) {
        String text = body.validText();
        Set<String> codes = body.validCodes();
        CustomerDetails vehicle = body.validVehicle();
        Integer mileage = body.validMileage();
        List<String> links = body.validPhotos();
        Set<String> uploaded = photos.claim(technician, body.uploadedIds(), links.size());
        String name = staff.findById(technician.id()).map(s -> s.displayName()).orElse("技师");
        String conversationId = conversations.openTechConversation(name, vehicle.vin(), vehicle.model());
        Appended question = conversations.append(conversationId, Sender.TECHNICIAN, technician.id(), null,
                questionText(text, codes, mileage, links, uploaded.size()));
        Set<String> skills = skillsFor(codes, text);
        String ticketId = tickets.openTechSupport(conversationId, technician.id(), skills, vehicle.model(), question.message().at());
        jdbc.sql("""
                INSERT INTO tech_question (ticket_id, technician_id, vin, vehicle_model, dtc_codes, mileage_km, photos, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ticketId, technician.id(), vehicle.vin(), vehicle.model(), String.join(",", codes), mileage,
                        String.join("\n", links), Timestamps.sql(Timestamps.now(clock)))
                .update();
        photos.attach(uploaded, ticketId, question.message().seq());
        return find(ticketId).orElseThrow();
    }

    /** The specialities a question calls for: by its fault codes, and by its words. */
    Set<String> skillsFor(Set<String> codes, String text) {
        Set<String> skills = new LinkedHashSet<>(specialities.of(codes));
        if (text != null && !text.isBlank()) {
            skills.addAll(classifier.classify(text).skills());
        }
        skills.remove("appointment");
        skills.remove("complaint");
        return skills;
    }

    /** The technician adds to their question (an answer to the expert, a new reading, more photos). */
    @Transactional
    Appended followUp(String ticketId, CurrentStaff technician, String text, List<String> photoIds) {
        TechQuestion q = asked(ticketId, technician);
        if ("RESOLVED".equals(q.ticket().status())) {
            throw ApiException.conflict("ticket_resolved", "This question is closed; ask a new one.");
        }
        // two follow-ups sent at once must not both fit the tenth photo
        jdbc.sql("SELECT ticket_id FROM tech_question WHERE ticket_id = ? FOR UPDATE").param(ticketId).query(String.class).single();
        Set<String> uploaded = photos.claim(technician, photoIds, q.photos().size() + photos.countOn(ticketId));
        String said = text == null ? "" : text.strip();
        if (said.isEmpty() && !uploaded.isEmpty()) {
            said = photoLine(uploaded.size());
        } else if (!uploaded.isEmpty()) {
            said = said + "\n" + photoLine(uploaded.size());
        }
        Appended appended = conversations.append(q.ticket().conversationId(), Sender.TECHNICIAN, technician.id(), null, said);
        photos.attach(uploaded, ticketId, appended.message().seq());
        return appended;
    }

    /** The technician has their answer: the question's ticket is resolved, by them. */
    @Transactional
    TechQuestion close(String ticketId, CurrentStaff technician) {
        TechQuestion q = asked(ticketId, technician);
        if ("RESOLVED".equals(q.ticket().status())) {
            throw ApiException.conflict("ticket_resolved", "This question is closed already.");
        }
        tickets.resolveForRequester(ticketId, technician);
        return find(ticketId).orElseThrow();
    }

    /** The question, when {@code technician} asked it; 403 for others who may see it (experts resolve the ticket instead). */
    private TechQuestion asked(String ticketId, CurrentStaff technician) {
        TechQuestion q = find(ticketId).orElseThrow(() -> ApiException.notFound("question"));
        if (q.technicianId() != technician.id()) {
            throw ApiException.forbidden("This question was asked by someone else.");
        }
        return q;
    }

    Optional<TechQuestion> find(String ticketId) {
        return jdbc.sql("SELECT * FROM tech_question WHERE ticket_id = ?").param(ticketId).query((rs, n) -> row(rs)).optional()
                .map(q -> q.withUploadedPhotos(photos.of(List.of(ticketId)).getOrDefault(ticketId, List.of())));
    }

    List<TechQuestion> list(CurrentStaff me) {
        boolean own = me.has("TECHNICIAN") && !me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN");
        var sql = jdbc.sql("SELECT * FROM tech_question" + (own ? " WHERE technician_id = ?" : "") + " ORDER BY created_at DESC LIMIT 500");
        List<TechQuestion> found = (own ? sql.param(me.id()) : sql).query((rs, n) -> row(rs)).list();
        Map<String, List<TechPhoto>> uploaded = photos.of(found.stream().map(TechQuestion::ticketId).toList());
        return found.stream().map(q -> q.withUploadedPhotos(uploaded.getOrDefault(q.ticketId(), List.of()))).toList();
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
        String links = rs.getString("photos");
        int mileage = rs.getInt("mileage_km");
        Integer km = rs.wasNull() ? null : mileage;
        Ticket ticket = tickets.get(rs.getString("ticket_id"));
        return new TechQuestion(ticket.id(), rs.getLong("technician_id"), rs.getString("vin"), rs.getString("vehicle_model"),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), km,
                links == null || links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")), List.of(),
                Timestamps.read(rs, "created_at"), views.of(ticket));
    }

    private static String questionText(String text, Set<String> codes, Integer mileage, List<String> links, int uploaded) {
        List<String> lines = new ArrayList<>();
        lines.add(text);
        if (!codes.isEmpty()) {
            lines.add("故障码：" + String.join("、", codes));
        }
        if (mileage != null) {
            lines.add("里程：" + mileage + " km");
        }
        links.forEach(p -> lines.add("[图片] " + p));
        if (uploaded > 0) {
            lines.add(photoLine(uploaded));
        }
        return String.join("\n", lines);
    }

    /** Said in the text too, so whoever reads the conversation without the pictures knows there are some. */
    private static String photoLine(int count) {
        return "[照片 " + count + " 张]";
    }
}
