package org.huiying.server.expert;

import java.util.List;
import java.util.Map;
import org.huiying.server.conversation.MessageView;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TechQuestionController {

    private final TechQuestions questions;
    private final RecordAccess access;

    TechQuestionController(TechQuestions questions, RecordAccess access) {
        this.access = access;
        this.questions = questions;
    }

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
    @GetMapping("/api/tech-questions")
    List<TechQuestion> list(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("TECHNICIAN") && !me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Technicians' questions are for technicians and experts.");
        }
        return questions.list(me);
    }

    /** One question, with how similar resolved ones were answered. */
    record Detail(TechQuestion question, List<TechQuestions.Similar> similarQuestions) {
    }

    @GetMapping("/api/tech-questions/{ticketId}")
    Detail get(@PathVariable String ticketId, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(ticketId, me);
        TechQuestion q = questions.find(ticketId).orElseThrow(() -> ApiException.notFound("question"));
        return new Detail(q, questions.similarResolved(q, 5));
    }

    @PostMapping("/api/tech-questions/{ticketId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView followUp(@PathVariable String ticketId, @RequestBody Map<String, String> body, Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        access.requireTicket(ticketId, me);
        return MessageView.of(questions.followUp(ticketId, me, body.get("text")).message());
    }
}
