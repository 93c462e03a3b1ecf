package org.huiying.server.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.Priority;
import org.huiying.routing.sla.SlaTimes;
import org.huiying.server.privacy.AuditAction;
import org.huiying.server.privacy.AuditLog;
import org.huiying.server.privacy.CustomerDirectory;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff correct what the classifier or the caller's menu key got wrong: type, category, skills, the
 * vehicle. Everything that follows from them follows: priority (keeping any boost the ticket earned),
 * the queue while it waits, the SLA targets (the new type's, counted from the original start with pauses
 * still excluded), the repeated-problem and repeat-visit checks. Each change is audited.
 */
@Service
class TicketReclassification {

    private static final Set<String> FIELDS = Set.of("type", "category", "skills", "vehicleId");
    private static final Pattern SKILL = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_SKILLS = 10;

    private final TicketRepository tickets;
    private final JdbcClient jdbc;
    private final RecordAccess access;
    private final SlaSettings sla;
    private final VehicleDirectory vehicles;
    private final ReworkVisits rework;
    private final CustomerDirectory customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketReclassification(TicketRepository tickets, JdbcClient jdbc, RecordAccess access, SlaSettings sla,
                           VehicleDirectory vehicles, ReworkVisits rework, CustomerDirectory customers, AuditLog audit,
                           ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.access = access;
        this.sla = sla;
        this.vehicles = vehicles;
        this.rework = rework;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Ticket reclassify(String ticketId, CurrentStaff by, Map<String, Object> body) {
        if (!(by.has("AGENT") || by.has("SUPERVISOR") || by.has("ADMIN"))) {
            throw ApiException.forbidden("Only agents and supervisors reclassify tickets.");
        }
        access.requireTicket(ticketId, by);
        Change change = parse(body);
        Ticket t = tickets.lock(ticketId).orElseThrow(() -> ApiException.notFound("ticket"));
        if (t.status() == TicketStatus.RESOLVED) {
            throw ApiException.conflict("ticket_resolved", "A resolved ticket is not reclassified.");
        }
        TicketType type = change.type != null ? change.type : t.type();
        if ((type == TicketType.TECH_SUPPORT) != (t.type() == TicketType.TECH_SUPPORT)) {
            throw ApiException.badRequest("invalid_type", "type: a technician's question stays TECH_SUPPORT, and only it is");
        }
        Category category = change.categoryGiven ? change.category : t.category();
        Set<String> skills = change.skills != null ? change.skills : t.skills();
        Long vehicleId = t.vehicleId();
        String model = t.vehicleModel();
        if (change.vehicleGiven) {
            vehicleId = change.vehicleId;
            if (vehicleId != null) {
                var vehicle = vehicles.ofConversationCustomer(t.conversationId(), vehicleId)
                        .orElseThrow(() -> ApiException.badRequest("invalid_vehicle", "vehicleId: not a vehicle of this ticket's customer"));
                model = vehicle.model() != null ? vehicle.model() : model;
            }
        }
        int boost = Math.max(0, t.priority() - Priority.of(t.type(), t.category()));
        int priority = Priority.of(type, category) + boost;
        String queue = t.queue().equals(NewTicket.queueOf(t.type())) ? NewTicket.queueOf(type) : t.queue();
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                UPDATE ticket SET type = ?, category = ?, skills = ?, priority = ?, queue = ?, vehicle_id = ?, vehicle_model = ?,
                updated_at = ? WHERE id = ?""")
                .params(type.name(), category == null ? null : category.name(), String.join(",", skills), priority, queue,
                        vehicleId, model, Timestamps.sql(now), ticketId)
                .update();
        if (type != t.type()) {
            SlaTimes retargeted = t.sla().retargeted(sla.policies().forType(t.type()), sla.policies().forType(type), sla.warnAt());
            tickets.updateSla(ticketId, retargeted, now);
            reopenCrossingsAhead(ticketId, now);
            tickets.logSla(ticketId, "RECLASSIFIED", null, null, now);
            events.publishEvent(new TicketEvents.SlaClockChanged(ticketId));
        }
        if (t.reworkOf() == null) {
            Long vehicle = vehicleId;
            String vehicleModel = model;
            rework.earlierVisit(ticketId, vehicle, type, category, skills, t.openedAt()).ifPresent(first -> {
                rework.link(ticketId, first);
                events.publishEvent(new TicketEvents.ReworkDetected(ticketId, first, vehicle, vehicleModel));
            });
        }
        audit.record(by.id(), AuditAction.RECLASSIFY, customers.customerOf(t.conversationId()).orElse(null), ticketId,
                describe(t, type, category, skills, vehicleId), null);
        events.publishEvent(new TicketEvents.TicketReclassified(ticketId, by.id()));
        if (t.status() == TicketStatus.OPEN) {
            events.publishEvent(new TicketEvents.TicketQueued(ticketId));
        }
        return tickets.findById(ticketId).orElseThrow();
    }

    /**
     * A crossing recorded under the old targets whose new instant is still ahead is pending again, so
     * the monitor reports it when it comes; crossings already behind stay recorded as they happened.
     */
    private void reopenCrossingsAhead(String ticketId, Instant now) {
        jdbc.sql("""
                UPDATE ticket SET
                  first_response_warned = CASE WHEN first_response_warn_at > ? THEN FALSE ELSE first_response_warned END,
                  first_response_breached = CASE WHEN first_response_due > ? THEN FALSE ELSE first_response_breached END,
                  resolution_warned = CASE WHEN resolution_warn_at > ? THEN FALSE ELSE resolution_warned END,
                  resolution_breached = CASE WHEN resolution_due > ? THEN FALSE ELSE resolution_breached END
                WHERE id = ?""")
                .params(Timestamps.sql(now), Timestamps.sql(now), Timestamps.sql(now), Timestamps.sql(now), ticketId)
                .update();
    }

    private static String describe(Ticket t, TicketType type, Category category, Set<String> skills, Long vehicleId) {
        List<String> changed = new ArrayList<>();
        if (type != t.type()) {
            changed.add("type:" + t.type() + ">" + type);
        }
        if (category != t.category()) {
            changed.add("category:" + t.category() + ">" + category);
        }
        if (!skills.equals(t.skills())) {
            changed.add("skills:" + String.join("|", t.skills()) + ">" + String.join("|", skills));
        }
        if (!Objects.equals(vehicleId, t.vehicleId())) {
            changed.add("vehicle:" + t.vehicleId() + ">" + vehicleId);
        }
        return String.join(",", changed);
    }

    private static final class Change {
        TicketType type;
        boolean categoryGiven;
        Category category;
        Set<String> skills;
        boolean vehicleGiven;
        Long vehicleId;
    }

    private static Change parse(Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("nothing_to_change", "Give at least one of type, category, skills, vehicleId.");
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.badRequest("unknown_field", key + ": not a field of a ticket's classification");
            }
        }
        Change c = new Change();
        if (body.containsKey("type")) {
            c.type = parseEnum(TicketType.class, body.get("type"), "invalid_type", "type");
            if (c.type == null) {
                throw ApiException.badRequest("invalid_type", "type: required when given");
            }
        }
        if (body.containsKey("category")) {
            c.categoryGiven = true;
            c.category = parseEnum(Category.class, body.get("category"), "invalid_ticket_category", "category");
        }
        if (body.containsKey("skills")) {
            if (!(body.get("skills") instanceof List<?> list) || list.size() > MAX_SKILLS) {
                throw ApiException.badRequest("invalid_skills", "skills: a list of at most " + MAX_SKILLS + " skill names");
            }
            Set<String> skills = new LinkedHashSet<>();
            for (Object o : list) {
                if (!(o instanceof String s) || !SKILL.matcher(s).matches()) {
                    throw ApiException.badRequest("invalid_skills", "skills: lower-case names like charging, battery");
                }
                skills.add(s);
            }
            c.skills = java.util.Collections.unmodifiableSet(skills);
        }
        if (body.containsKey("vehicleId")) {
            c.vehicleGiven = true;
            Object v = body.get("vehicleId");
            if (v != null && !(v instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
                throw ApiException.badRequest("invalid_vehicle", "vehicleId: a vehicle id, or null");
            }
            c.vehicleId = v == null ? null : ((Number) v).longValue();
        }
        return c;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Object value, String code, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(code, field + ": one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
