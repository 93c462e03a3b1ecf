package org.huiying.server.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huiying.routing.TicketType;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.CustomerMessagesBatched;
import org.huiying.server.conversation.Message;
import org.huiying.server.conversation.Sender;
import org.huiying.server.storage.AfterCommit;
import org.huiying.server.runtime.HuiyingProperties;
import org.huiying.server.telephony.sms.SmsSender;
import org.huiying.server.storage.PerTransaction;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.concurrent.TimingWheel;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.CustomerMessageClaim;
import org.huiying.server.ticket.Ticket;
import org.huiying.server.ticket.TicketEvents;
import org.huiying.server.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one survey per resolved ticket on the customer's own channel (a system message: the chat
 * gateway shows it, the SMS outbox texts it), never inside quiet hours, and takes the answer — a
 * chat rating or a text reply — without opening a new ticket. A score of 1–2 opens a follow-up
 * complaint linked to the original, with its own 2 h / 48 h clock.
 */
@Service
public class Surveys implements CustomerMessageClaim, AutoCloseable {

    static final String QUESTION = "您好，您的问题已处理完毕。请为本次服务打分：回复 1–5（5 为非常满意），也欢迎写下您的意见。";
    static final String REASK = "抱歉，没看懂您的评分😊 请回复数字 1–5（5 为非常满意），数字后可附意见，例如「5 很满意」。";
    static final String THANKS = "感谢您的评价！";
    static final String SORRY = "非常抱歉给您带来不好的体验，我们已安排专人跟进，会尽快与您联系。";

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);

    private final SurveyRepository surveys;
    private final Tickets tickets;
    private final Conversations conversations;
    private final TimingWheel wheel;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SurveyProperties properties;
    private final QuietHours quietHours;
    private final SmsSender sms;
    private final SurveyAnswerParser parser = new SurveyAnswerParser();
    /** For the batch of customer messages being stored: whether a survey awaits an answer on each of its conversations. */
    private final PerTransaction<Map<String, Boolean>> awaiting = new PerTransaction<>();
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "surveys"));

    Surveys(SurveyRepository surveys, Tickets tickets, Conversations conversations, TimingWheel wheel, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock, SurveyProperties properties, HuiyingProperties huiying,
            SmsSender sms) {
        this.sms = sms;
        this.surveys = surveys;
        this.tickets = tickets;
        this.conversations = conversations;
        this.wheel = wheel;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.quietHours = QuietHours.parse(properties.quietHours(), huiying.zone());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        surveys.scheduled().forEach(s -> schedule(s.id(), s.dueAt()));
        long every = properties.sweepEvery().toMillis();
        work.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * In the resolving transaction, so the survey is stored with the resolution or not at all; its
     * timer starts only once both are committed (started earlier, it could look for the survey before
     * anyone else can see it, and the survey would wait for the next sweep).
     */
    @EventListener
    void onResolved(TicketEvents.TicketResolved event) {
        Ticket ticket = tickets.get(event.ticketId());
        if (ticket.type() == TicketType.TECH_SUPPORT) {
            return; // technicians are colleagues, not customers
        }
        Instant now = Timestamps.now(clock);
        Instant due = quietHours.nextAllowed(ticket.sla().resolvedAt().plus(properties.delay()));
        String id = RandomIds.id("sv");
        if (surveys.insertOnce(id, ticket.id(), ticket.conversationId(), ticket.assigneeId(),
                ticket.category() == null ? null : ticket.category().name(), ticket.vehicleModel(), due, now)) {
            AfterCommit.run(() -> schedule(id, due));
        }
    }

    /**
     * The customer's chat rating (a {@code rating} frame). Returns false when no survey awaits an
     * answer in this conversation.
     */
    public boolean rate(String conversationId, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1–5");
        }
        String note = comment == null ? "" : comment.strip();
        Boolean rated = tx.execute(status -> surveys.lockAwaitingAnswer(conversationId)
                .map(s -> record(s, new SurveyAnswer(score, note.length() > 2000 ? note.substring(0, 2000) : note), conversationId))
                .orElse(false));
        return Boolean.TRUE.equals(rated);
    }

    /** One read for the whole batch instead of a probe per message: almost no message answers a survey. */
    @EventListener
    void onBatched(CustomerMessagesBatched batch) {
        Set<String> sent = surveys.awaitingAmong(batch.conversationIds());
        Map<String, Boolean> known = new HashMap<>();
        batch.conversationIds().forEach(id -> known.put(id, sent.contains(id)));
        awaiting.set(known);
    }

    /** A text reply to a sent survey is its answer (or, twice unreadable, a comment), never a new ticket. */
    @Override
    public boolean claims(Message message) {
        if (Boolean.FALSE.equals(awaiting.get().map(m -> m.get(message.conversationId())).orElse(null))) {
            return false;
        }
        Optional<SurveyRepository.Survey> awaiting = surveys.lockAwaitingAnswer(message.conversationId());
        if (awaiting.isEmpty()) {
            return false;
        }
        SurveyRepository.Survey survey = awaiting.get();
        String where = message.conversationId();
        Optional<SurveyAnswer> answer = parser.parse(message.text());
        if (answer.isPresent()) {
            return record(survey, answer.get(), where);
        }
        if (!survey.reasked()) {
            surveys.markReasked(survey.id());
            conversations.append(where, Sender.SYSTEM, null, null, REASK);
            return true;
        }
        String comment = message.text().length() > 2000 ? message.text().substring(0, 2000) : message.text();
        surveys.answer(survey.id(), null, comment, null, Timestamps.now(clock));
        conversations.append(where, Sender.SYSTEM, null, null, THANKS);
        events.publishEvent(new SurveyAnswered(survey.ticketId(), null, comment, null));
        return true;
    }

    private boolean record(SurveyRepository.Survey survey, SurveyAnswer answer, String replyOn) {
        String followUp = null;
        if (answer.score() <= 2) {
            Ticket original = tickets.get(survey.ticketId());
            followUp = tickets.openFollowUp(original.id(), TicketType.COMPLAINT, withComplaint(original.skills()));
        }
        surveys.answer(survey.id(), answer.score(), answer.comment(), followUp, Timestamps.now(clock));
        conversations.append(replyOn, Sender.SYSTEM, null, null, followUp == null ? THANKS : SORRY);
        events.publishEvent(new SurveyAnswered(survey.ticketId(), answer.score(), answer.comment(), followUp));
        return true;
    }

    private static Set<String> withComplaint(Set<String> skills) {
        var all = new java.util.LinkedHashSet<>(skills);
        all.add("complaint");
        return all;
    }

    private void schedule(String surveyId, Instant due) {
        wheel.schedule(Duration.between(clock.instant(), due), () -> work.execute(this::sendDue));
    }

    /** On the customer's own channel; a caller has no screen, so they get the survey by SMS. */
    private void send(SurveyRepository.Survey s) {
        boolean voice = conversations.channel(s.conversationId()).filter("voice"::equals).isPresent();
        Optional<String> phone = voice ? conversations.customerPhone(s.conversationId()) : Optional.empty();
        if (phone.isPresent()) {
            surveys.answerExpectedOn(s.id(), sms.sendTo(phone.get(), QUESTION).message().conversationId());
        } else {
            conversations.append(s.conversationId(), Sender.SYSTEM, null, null, QUESTION);
        }
    }

    private void sendDue() {
        try {
            for (SurveyRepository.Survey s : surveys.dueBy(Timestamps.now(clock))) {
                tx.executeWithoutResult(status -> {
                    if (surveys.markSent(s.id(), Timestamps.now(clock))) {
                        send(s);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Sending due surveys failed; the next sweep retries", e);
        }
    }

    /** Stops the sweeper with the application, so no thread outlives the database it reads. */
    @Override
    public void close() {
        work.shutdownNow();
    }
}
