package org.huiying.server.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.huiying.server.web.ApiException;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores messages. An append returns only after its transaction committed, so whoever acknowledges
 * to a client afterwards never acknowledges something that could be lost.
 */
@Service
public class Conversations {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PAGE = 500;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ConversationHeads> journalHeads;
    private final ObjectProvider<JournalApplier> applier;
    private final ObjectProvider<MessageJournal> journal;

    Conversations(ConversationRepository conversations, MessageRepository messages, ApplicationEventPublisher events,
                  Clock clock, ObjectProvider<ConversationHeads> journalHeads, ObjectProvider<JournalApplier> applier,
                  ObjectProvider<MessageJournal> journal) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.journalHeads = journalHeads;
        this.applier = applier;
        this.journal = journal;
    }

    @Transactional
    public ChatSession openChatSession(CustomerDetails customer) {
        Instant now = Timestamps.now(clock);
        long customerId = conversations.insertCustomer(customer, now);
        String id = RandomIds.id("cv");
        String token = RandomIds.token(32);
        conversations.insertConversation(id, customerId, "chat", hash(token), now);
        return new ChatSession(id, token);
    }

    /**
     * Opens a conversation on {@code channel} (no customer token: the channel identifies the customer)
     * for the earliest customer known by any of {@code phones}, or a new customer with the first of them.
     */
    @Transactional
    public String openForPhone(String channel, List<String> phones) {
        Instant now = Timestamps.now(clock);
        long customerId = conversations.findCustomerByPhone(phones)
                .orElseGet(() -> conversations.insertCustomer(new CustomerDetails(null, phones.get(0), null, null), now));
        String id = RandomIds.id("cv");
        conversations.insertConversation(id, customerId, channel, null, now);
        return id;
    }

    /** The phone number of the conversation's customer, when known. */
    public Optional<String> customerPhone(String conversationId) {
        return conversations.findCustomerPhone(conversationId);
    }

    public Optional<String> channel(String conversationId) {
        return conversations.findChannel(conversationId);
    }

    /**
     * Moves a message's delivery state to {@code delivery} if it is currently one of {@code replaceable}
     * ({@code null} in it stands for "not set yet"); false when it was not.
     */
    @Transactional
    public boolean advanceDelivery(String conversationId, long seq, String delivery, Collection<String> replaceable) {
        return messages.advanceDelivery(conversationId, seq, delivery, replaceable);
    }

    /**
     * A conversation between a service-station technician and the experts about one vehicle (the
     * vehicle stands where a customer would).
     */
    @Transactional
    public String openTechConversation(String technicianName, String vin, String model) {
        Instant now = Timestamps.now(clock);
        long vehicle = conversations.insertCustomer(new CustomerDetails(technicianName, null, vin, model), now);
        String id = RandomIds.id("cv");
        conversations.insertConversation(id, vehicle, "tech", null, now);
        return id;
    }

    public Optional<String> conversationForToken(String customerToken) {
        if (customerToken == null || customerToken.isEmpty() || customerToken.length() > 200) {
            return Optional.empty();
        }
        return conversations.findByTokenHash(hash(customerToken));
    }

    /** The customer's vehicle model, when they told us. */
    public Optional<String> vehicleModel(String conversationId) {
        return conversations.findVehicleModel(conversationId);
    }

    public boolean exists(String conversationId) {
        return conversations.findChannel(conversationId).isPresent();
    }

    /**
     * Stores one message with the next {@code seq}. A repeated client id returns the original
     * message, marked duplicate, and stores nothing.
     */
    @Transactional
    public Appended append(String conversationId, Sender sender, Long staffId, String clientMessageId, String text) {
        validateText(text);
        ConversationRepository.Head head = conversations.lockHead(conversationId)
                .orElseThrow(() -> ApiException.notFound("conversation"));
        String channel = head.channel();
        if (clientMessageId != null) {
            Optional<Message> earlier = messages.findByClientId(conversationId, clientMessageId);
            if (earlier.isPresent()) {
                return new Appended(earlier.get(), true);
            }
        }
        Message message = new Message(conversationId, nextSeq(conversationId, head), sender, staffId, clientMessageId,
                channel, text, null, Timestamps.now(clock));
        messages.insert(message);
        conversations.updateLastSeq(conversationId, message.seq());
        MessageJournal journaled = journal.getIfAvailable();
        if (journaled != null && clientMessageId != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    journaled.clientIdStoredElsewhere(conversationId);
                }
            });
        }
        events.publishEvent(new MessageAppended(message));
        // synchronous listeners may have set its delivery state (the SMS outbox does): answer with what is stored
        return new Appended(messages.find(conversationId, message.seq()).orElse(message), false);
    }

    /**
     * The row's last seq plus one, unless the journal has numbered messages it has not stored yet:
     * then it numbers this one too, holding the conversation until this transaction ends.
     */
    private long nextSeq(String conversationId, ConversationRepository.Head head) {
        ConversationHeads heads = journalHeads.getIfAvailable();
        if (heads == null) {
            return head.lastSeq() + 1;
        }
        long seq;
        try {
            seq = heads.holdAndNumber(conversationId, head.channel(), head.lastSeq());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while numbering a message", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                heads.release(conversationId, status == STATUS_COMMITTED);
            }
        });
        return seq;
    }

    /**
     * Returns once every message acknowledged on the conversation so far is in the database (at
     * once without the journal), for whoever reads or rewrites its messages in SQL.
     */
    public void awaitStored(String conversationId) {
        awaitJournal(conversationId);
    }

    /** A reader must not see a later message without the journaled ones before it. */
    private void awaitJournal(String conversationId) {
        ConversationHeads heads = journalHeads.getIfAvailable();
        JournalApplier journalApplier = applier.getIfAvailable();
        if (heads != null && journalApplier != null && !journalApplier.isApplying()) {
            heads.awaitApplied(conversationId);
        }
    }

    /** A customer's chat message waiting for the group commit. */
    public record Draft(String conversationId, String clientMessageId, String text) {
    }

    /**
     * {@link #append} for many customer messages in the caller's transaction, with one duplicate
     * lookup and one seq reservation (which also locks the conversation's row) per conversation and
     * one insert batch for all, then the events of {@link #storeNumbered} in submission order. Answers
     * in the order of {@code drafts}. The duplicate lookup runs before the lock, which is safe because
     * each conversation has one group-commit writer and customers' chat ids never reach the other
     * appenders (on PostgreSQL the client-id unique index would also roll such a copy back). Unlike
     * {@link #append} it does not re-read what listeners stored: no listener changes a customer
     * message's delivery state.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appended> appendCustomerMessages(List<Draft> drafts) {
        Map<String, List<Integer>> byConversation = new TreeMap<>(); // sorted: rows always locked in one order
        for (int i = 0; i < drafts.size(); i++) {
            validateText(drafts.get(i).text());
            byConversation.computeIfAbsent(drafts.get(i).conversationId(), id -> new ArrayList<>()).add(i);
        }
        Appended[] answers = new Appended[drafts.size()];
        Instant now = Timestamps.now(clock);
        for (var entry : byConversation.entrySet()) {
            String conversationId = entry.getKey();
            Map<String, Message> known = new HashMap<>();
            Set<String> cmids = new HashSet<>();
            entry.getValue().forEach(i -> cmids.add(drafts.get(i).clientMessageId()));
            messages.findByClientIds(conversationId, cmids).forEach(m -> known.put(m.clientMessageId(), m));
            List<Integer> toStore = new ArrayList<>();
            Set<String> seen = new HashSet<>(known.keySet());
            for (int i : entry.getValue()) {
                String cmid = drafts.get(i).clientMessageId();
                if (cmid == null || seen.add(cmid)) {
                    toStore.add(i);
                }
            }
            if (!toStore.isEmpty()) {
                ConversationRepository.Head head = conversations.reserveSeqs(conversationId, toStore.size())
                        .orElseThrow(() -> ApiException.notFound("conversation"));
                long seq = head.lastSeq() - toStore.size();
                for (int i : toStore) {
                    Draft d = drafts.get(i);
                    Message message = new Message(conversationId, ++seq, Sender.CUSTOMER, null, d.clientMessageId(),
                            head.channel(), d.text(), null, now);
                    if (d.clientMessageId() != null) {
                        known.put(d.clientMessageId(), message);
                    }
                    answers[i] = new Appended(message, false);
                }
            }
            for (int i : entry.getValue()) {
                if (answers[i] == null) { // stored before, or earlier in this batch
                    answers[i] = new Appended(known.get(drafts.get(i).clientMessageId()), true);
                }
            }
        }
        List<Message> inOrder = new ArrayList<>();
        for (Appended a : answers) {
            if (!a.duplicate()) {
                inOrder.add(a.message());
            }
        }
        if (!inOrder.isEmpty()) {
            storeNumbered(inOrder);
        }
        return List.of(answers);
    }

    /**
     * Stores customer messages whose seqs are already taken, in the caller's transaction, and tells
     * everyone: {@link CustomerMessagesArriving}, then {@link CustomerMessagesStored} with the
     * messages in the order given. The group commit and the journal's applier both end here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeNumbered(List<Message> numbered) {
        messages.insertAll(numbered);
        Set<String> arriving = new TreeSet<>();
        numbered.forEach(m -> arriving.add(m.conversationId()));
        events.publishEvent(new CustomerMessagesArriving(arriving));
        events.publishEvent(new CustomerMessagesStored(List.copyOf(numbered)));
    }

    public List<Message> after(String conversationId, long afterSeq, int limit) {
        awaitJournal(conversationId);
        return messages.after(conversationId, afterSeq, Math.min(limit, MAX_PAGE));
    }

    static void validateText(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("empty_text", "text must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("text_too_long", "text must be at most " + MAX_TEXT + " characters");
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
