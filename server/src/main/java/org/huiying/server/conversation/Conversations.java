package org.huiying.server.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.huiying.server.conversation.store.MessageStore;
import org.huiying.server.storage.RandomIds;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores messages. An append returns only after its transaction committed, so whoever acknowledges
 * to a client afterwards never acknowledges something that could be lost. Customers' messages go
 * through the {@link MessageStore} (the group commit, or the embedded server's journal), which also
 * numbers the messages appended here.
 */
@Service
public class Conversations {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PAGE = 500;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MessageRows rows;
    private final MessageStore store;
    private final Clock clock;
    private final java.time.Duration tokenTtl;

    Conversations(ConversationRepository conversations, MessageRepository messages, MessageRows rows, MessageStore store,
                  Clock clock, @org.springframework.beans.factory.annotation.Value("${huiying.chat.token-ttl:P1D}") java.time.Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
        this.conversations = conversations;
        this.messages = messages;
        this.rows = rows;
        this.store = store;
        this.clock = clock;
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
                .orElseGet(() -> conversations.insertCustomer(new CustomerDetails(null, phones.get(0), null, null), true, now));
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

    /**
     * The conversation a customer's chat token opens, while the token is alive: used within
     * {@code huiying.chat.token-ttl} (P1D). A use renews it; the renewal is written at most every
     * {@link #RENEW_EVERY}, so a busy customer costs the database one write an hour, not one per request.
     */
    public Optional<String> conversationForToken(String customerToken) {
        if (customerToken == null || customerToken.isEmpty() || customerToken.length() > 200) {
            return Optional.empty();
        }
        Optional<ConversationRepository.TokenUse> use = conversations.findByTokenHash(hash(customerToken));
        if (use.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Timestamps.now(clock);
        Instant usedAt = use.get().usedAt();
        if (usedAt == null || !usedAt.plus(tokenTtl).isAfter(now)) {
            return Optional.empty();
        }
        if (!usedAt.plus(RENEW_EVERY).isAfter(now)) {
            conversations.touchToken(use.get().conversationId(), now);
        }
        return Optional.of(use.get().conversationId());
    }

    static final java.time.Duration RENEW_EVERY = java.time.Duration.ofHours(1);

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
        return rows.append(conversationId, sender, staffId, clientMessageId, text,
                head -> store.numberDirectAppend(conversationId, head.channel(), head.lastSeq(), clientMessageId != null));
    }

    /**
     * Stores a customer's message for connections that must not wait on the database (the customer
     * gateway, texts): it shares a transaction, or on the embedded server a journal write, with the
     * appends queued beside it, and the future completes only once it cannot be lost. Otherwise as
     * {@link #append}. Text that could never be stored fails at once, without queueing.
     */
    public CompletableFuture<Appended> appendCustomerMessage(String conversationId, String clientMessageId, String text) {
        CompletableFuture<Appended> answer = new CompletableFuture<>();
        try {
            validateText(text);
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        // not thenApply: callers see the store's own exception, not one wrapped in a CompletionException
        store.appendCustomerMessage(conversationId, clientMessageId, text).whenComplete((outcome, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(MessageRows.appended(outcome));
            }
        });
        return answer;
    }

    /**
     * Returns once every message acknowledged on the conversation so far is in the database (at
     * once without the journal), for whoever reads or rewrites its messages in SQL.
     */
    public void awaitStored(String conversationId) {
        store.awaitStored(conversationId);
    }

    /** A customer's chat message stored by {@link #appendCustomerMessages}. */
    public record Draft(String conversationId, String clientMessageId, String text) {
    }

    /**
     * {@link #append} for many customer messages in the caller's transaction, with one duplicate
     * lookup and one seq reservation (which also locks the conversation's row) per conversation and
     * one insert batch for all, then {@link CustomerMessagesBatched} and {@link CustomerMessagesStored}
     * with the messages in submission order. Answers in the order of {@code drafts}. The duplicate
     * lookup runs before the lock, which is safe because each conversation has one group-commit writer
     * and customers' chat ids never reach the other appenders (on PostgreSQL the client-id unique index
     * would also roll such a copy back). Unlike {@link #append} it does not re-read what listeners
     * stored: no listener changes a customer message's delivery state. The group commit's batches.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Appended> appendCustomerMessages(List<Draft> drafts) {
        return rows.appendCustomerMessages(drafts);
    }

    public List<Message> after(String conversationId, long afterSeq, int limit) {
        store.awaitStored(conversationId);
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
