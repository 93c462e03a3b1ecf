package org.huiying.server.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.huiying.server.conversation.store.MessageStore;
import org.huiying.server.conversation.store.MessageTable;
import org.huiying.server.conversation.store.StoredMessage;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages to the message table and tells everyone about them: for {@link Conversations}, and
 * for the message store through {@link MessageTable}. Apart from {@link Conversations} because the
 * store needs it while {@link Conversations} needs the store (numbering direct appends).
 */
@Component
class MessageRows implements MessageTable {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageRows(ConversationRepository conversations, MessageRepository messages, ApplicationEventPublisher events,
                Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores one message in the caller's transaction with the seq {@code numbering} gives for the
     * locked head. A repeated client id returns the original message, marked duplicate, and stores nothing.
     */
    Appended append(String conversationId, Sender sender, Long staffId, String clientMessageId, String text,
                    ToLongFunction<ConversationRepository.Head> numbering) {
        Conversations.validateText(text);
        ConversationRepository.Head head = conversations.lockHead(conversationId)
                .orElseThrow(() -> ApiException.notFound("conversation"));
        String channel = head.channel();
        if (clientMessageId != null) {
            Optional<Message> earlier = messages.findByClientId(conversationId, clientMessageId);
            if (earlier.isPresent()) {
                return new Appended(earlier.get(), true);
            }
        }
        Message message = new Message(conversationId, numbering.applyAsLong(head), sender, staffId, clientMessageId,
                channel, text, null, Timestamps.now(clock));
        messages.insert(message);
        conversations.updateLastSeq(conversationId, message.seq());
        events.publishEvent(new MessageAppended(message));
        // synchronous listeners may have set its delivery state (the SMS outbox does): answer with what is stored
        return new Appended(messages.find(conversationId, message.seq()).orElse(message), false);
    }

    /** See {@link Conversations#appendCustomerMessages}. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Appended> appendCustomerMessages(List<Conversations.Draft> drafts) {
        Map<String, List<Integer>> byConversation = new TreeMap<>(); // sorted: rows always locked in one order
        for (int i = 0; i < drafts.size(); i++) {
            Conversations.validateText(drafts.get(i).text());
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
                    Conversations.Draft d = drafts.get(i);
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
            insertAndTell(inOrder);
        }
        return List.of(answers);
    }

    /**
     * Stores customer messages whose seqs are already taken and tells everyone:
     * {@link CustomerMessagesBatched}, then {@link CustomerMessagesStored} with the messages in the
     * order given. The group commit and the journal's applier both end here.
     */
    private void insertAndTell(List<Message> numbered) {
        messages.insertAll(numbered);
        Set<String> arriving = new TreeSet<>();
        numbered.forEach(m -> arriving.add(m.conversationId()));
        events.publishEvent(new CustomerMessagesBatched(arriving));
        events.publishEvent(new CustomerMessagesStored(List.copyOf(numbered)));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<MessageStore.Outcome> storeTogether(List<Draft> drafts) {
        List<Conversations.Draft> ours = drafts.stream()
                .map(d -> new Conversations.Draft(d.conversationId(), d.clientMessageId(), d.text())).toList();
        return appendCustomerMessages(ours).stream().map(MessageRows::outcome).toList();
    }

    /** As {@link Conversations#append} numbers without the journal: the group commit is the store here. */
    @Override
    @Transactional
    public MessageStore.Outcome storeAlone(Draft draft) {
        return outcome(append(draft.conversationId(), Sender.CUSTOMER, null, draft.clientMessageId(), draft.text(),
                head -> head.lastSeq() + 1));
    }

    @Override
    public Optional<Head> findHead(String conversationId) {
        return conversations.findHead(conversationId).map(h -> new Head(h.channel(), h.lastSeq()));
    }

    @Override
    public Collection<String> clientIds(String conversationId) {
        return messages.clientIds(conversationId);
    }

    @Override
    public Optional<StoredMessage> findByClientId(String conversationId, String clientMessageId) {
        return messages.findByClientId(conversationId, clientMessageId).map(MessageRows::stored);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void raiseLastSeqs(Map<String, Long> lastSeqs) {
        conversations.raiseLastSeqs(lastSeqs);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeNumbered(List<StoredMessage> numbered) {
        insertAndTell(numbered.stream().map(MessageRows::message).toList());
    }

    static Appended appended(MessageStore.Outcome outcome) {
        return new Appended(message(outcome.message()), outcome.duplicate());
    }

    private static MessageStore.Outcome outcome(Appended appended) {
        return new MessageStore.Outcome(stored(appended.message()), appended.duplicate());
    }

    private static Message message(StoredMessage m) {
        return new Message(m.conversationId(), m.seq(), Sender.valueOf(m.sender()), m.staffId(), m.clientMessageId(),
                m.channel(), m.text(), m.delivery(), m.at());
    }

    private static StoredMessage stored(Message m) {
        return new StoredMessage(m.conversationId(), m.seq(), m.sender().name(), m.staffId(), m.clientMessageId(),
                m.channel(), m.text(), m.delivery(), m.at());
    }
}
