package org.huiying.server.expert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.Sender;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketStatus;
import org.huiying.server.ticket.Tickets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Solved questions like a given one, with how they were answered: those sharing a fault code first
 * (more codes shared first, then the same model, then the newest); without a shared code, those on the
 * same model calling for the same speciality. What is shown of them is the question and the expert's
 * answer, never who asked, the VIN or the photos: technicians read each other's solutions, not each
 * other's cases.
 */
@Component
class SimilarQuestions {

    static final int QUESTION_CHARS = 300;
    static final int ANSWER_CHARS = 1000;
    /** The newest questions looked through; older ones have usually become knowledge-base articles. */
    private static final int LOOKED_THROUGH = 2000;
    private static final int SAME_MODEL_LOOKED_THROUGH = 200;

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Conversations conversations;

    SimilarQuestions(JdbcClient jdbc, Tickets tickets, Conversations conversations) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.conversations = conversations;
    }

    /** A resolved question like the one in hand, and how the expert answered it. */
    record Similar(String ticketId, String model, List<String> dtcCodes, Instant askedAt, String question, String answer) {
    }

    private record Candidate(String ticketId, String model, List<String> codes, Instant askedAt, long sharedCodes) {
    }

    /** Up to {@code max} solved questions like this one ({@code except} itself, when it is stored). */
    List<Similar> like(String except, String model, Collection<String> codes, Set<String> skills, int max) {
        List<Candidate> found = codes.isEmpty() ? List.of() : sharingACode(except, model, codes);
        List<Candidate> solved = solved(found, null);
        if (solved.isEmpty() && model != null && !skills.isEmpty()) {
            solved = solved(onTheSameModel(except, model), skills);
        }
        return solved.stream()
                .sorted(Comparator.comparingLong(Candidate::sharedCodes).reversed()
                        .thenComparing(c -> !Objects.equals(c.model(), model)))
                .limit(max)
                .map(this::withAnswer)
                .toList();
    }

    private List<Candidate> sharingACode(String except, String model, Collection<String> codes) {
        List<Candidate> sharing = new ArrayList<>();
        jdbc.sql("SELECT ticket_id, vehicle_model, dtc_codes, created_at FROM tech_question WHERE ticket_id <> ?"
                        + " ORDER BY created_at DESC LIMIT " + LOOKED_THROUGH)
                .param(except == null ? "" : except)
                .query(rs -> {
                    List<String> theirs = codesOf(rs.getString("dtc_codes"));
                    long shared = theirs.stream().filter(codes::contains).count();
                    if (shared > 0) {
                        sharing.add(new Candidate(rs.getString("ticket_id"), rs.getString("vehicle_model"), theirs,
                                Timestamps.read(rs, "created_at"), shared));
                    }
                });
        return sharing;
    }

    private List<Candidate> onTheSameModel(String except, String model) {
        return jdbc.sql("SELECT ticket_id, vehicle_model, dtc_codes, created_at FROM tech_question WHERE ticket_id <> ?"
                        + " AND vehicle_model = ? ORDER BY created_at DESC LIMIT " + SAME_MODEL_LOOKED_THROUGH)
                .params(except == null ? "" : except, model)
                .query((rs, n) -> new Candidate(rs.getString("ticket_id"), rs.getString("vehicle_model"),
                        codesOf(rs.getString("dtc_codes")), Timestamps.read(rs, "created_at"), 0))
                .list();
    }

    /** Those whose ticket is resolved (and, when {@code skills} are given, called for one of them), newest first. */
    private List<Candidate> solved(List<Candidate> candidates, Set<String> skills) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Ticket> ticketOf = tickets.getAll(candidates.stream().map(Candidate::ticketId).toList());
        return candidates.stream().filter(c -> {
            Ticket t = ticketOf.get(c.ticketId());
            return t != null && t.status() == TicketStatus.RESOLVED
                    && (skills == null || t.skills().stream().anyMatch(skills::contains));
        }).toList();
    }

    private Similar withAnswer(Candidate c) {
        List<String> asked = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (Message m : conversations.after(tickets.get(c.ticketId()).conversationId(), 0, 100)) {
            if (m.sender() == Sender.TECHNICIAN && asked.isEmpty()) {
                asked.add(m.text());
            } else if (m.sender() == Sender.AGENT) {
                answered.add(m.text());
            }
        }
        return new Similar(c.ticketId(), c.model(), c.codes(), c.askedAt(), cut(String.join("\n", asked), QUESTION_CHARS),
                answered.isEmpty() ? null : cut(String.join("\n", answered), ANSWER_CHARS));
    }

    private static List<String> codesOf(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
