package org.huiying.server.expert;

import java.util.List;
import java.util.Set;
import org.huiying.server.conversation.MessageView;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TechQuestionController {

    static final int SIMILAR_SHOWN = 5;

    private final TechQuestions questions;
    private final SimilarQuestions similar;
    private final RecordAccess access;

    TechQuestionController(TechQuestions questions, SimilarQuestions similar, RecordAccess access) {
        this.access = access;
        this.questions = questions;
        this.similar = similar;
    }

    @PreAuthorize("hasRole('TECHNICIAN')")
    @PostMapping("/api/tech-questions")
    @ResponseStatus(HttpStatus.CREATED)
    TechQuestion ask(@RequestBody NewQuestion body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("TECHNICIAN")) {
            throw ApiException.forbidden("Only service-station technicians ask the experts here.");
        }
        return questions.ask(me, body);
    }

    /** Technicians see their own questions; experts, supervisors and admins all of them. */
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/tech-questions")
    List<TechQuestion> list(Authentication auth) {
        return questions.list(mayReadQuestions(auth));
    }

    /**
     * Solved questions like one about to be asked (codes, model, the words so far), so a technician may
     * find the answer before asking.
     */
    @PreAuthorize("hasAnyRole('TECHNICIAN', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/tech-questions/similar")
    List<SimilarQuestions.Similar> similar(@RequestParam(required = false) List<String> dtcCodes,
                                           @RequestParam(required = false) String model,
                                           @RequestParam(required = false) String text, Authentication auth) {
        mayReadQuestions(auth);
        NewQuestion draft = new NewQuestion(null, model, dtcCodes, null, text, null, null);
        Set<String> codes = draft.validCodes();
        String vehicle = draft.validVehicle().model();
        String words = text == null ? "" : text.length() > 4000 ? text.substring(0, 4000) : text;
        return similar.like(null, vehicle, codes, questions.skillsFor(codes, words), SIMILAR_SHOWN);
    }

    /** One question, with how similar resolved ones were answered. */
    record Detail(TechQuestion question, List<SimilarQuestions.Similar> similarQuestions) {
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/tech-questions/{ticketId}")
    Detail get(@PathVariable String ticketId, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(ticketId, me);
        TechQuestion q = questions.find(ticketId).orElseThrow(() -> ApiException.notFound("question"));
        return new Detail(q, similar.like(q.ticketId(), q.model(), q.dtcCodes(), q.ticket().skills(), SIMILAR_SHOWN));
    }

    /** A follow-up: {@code text}, and photos uploaded for it ({@code photoIds}); one of the two at least. */
    record FollowUp(String text, List<String> photoIds) {
    }

    @PreAuthorize("hasRole('TECHNICIAN')")
    @PostMapping("/api/tech-questions/{ticketId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView followUp(@PathVariable String ticketId, @RequestBody FollowUp body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(ticketId, me);
        return MessageView.of(questions.followUp(ticketId, me, body.text(), body.photoIds()).message());
    }

    /** The asker closes the question once answered; experts resolve the ticket with {@code POST /api/tickets/{id}/resolve}. */
    @PreAuthorize("hasRole('TECHNICIAN')")
    @PostMapping("/api/tech-questions/{ticketId}/close")
    TechQuestion close(@PathVariable String ticketId, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(ticketId, me);
        return questions.close(ticketId, me);
    }

    private static CurrentStaff mayReadQuestions(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("TECHNICIAN") && !me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Technicians' questions are for technicians and experts.");
        }
        return me;
    }
}
