package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationHeadsTest {

    /** What the database holds: each conversation's last stored seq. */
    private final Map<String, Long> stored = new ConcurrentHashMap<>(Map.of("cv1", 4L));
    private final AtomicInteger reads = new AtomicInteger();
    private final ConversationHeads heads = new ConversationHeads(id -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get(id)).map(seq -> new MessageTable.Head("chat", seq));
    }, Duration.ofSeconds(30));

    private ConversationHeads.Head head(String id) {
        return heads.forJournal(id).orElseThrow();
    }

    @Test
    void journaledMessagesAreNumberedOnFromTheStoredLastSeq() {
        assertThat(heads.numberJournaled("cv1", 3)).contains(5L);
        assertThat(heads.numberJournaled("cv1", 1)).contains(8L);
        assertThat(reads).hasValue(1);
        assertThat(heads.forJournal("nobody")).isEmpty();
    }

    @Test
    void aDirectAppendHoldsItsConversationSoTheJournalNumbersAfterItOrNotAtAll() throws Exception {
        heads.numberJournaled("cv1", 2); // 5, 6 wait in the journal
        long direct = CompletableFuture.supplyAsync(() -> holdAndNumber("cv1", 4)).get();
        assertThat(direct).isEqualTo(7);
        assertThat(heads.numberJournaled("cv1", 1)).isEmpty();
    }

    @Test
    void aRolledBackDirectAppendGivesItsSeqBackAndACommittedOneKeepsIt() {
        long first = holdAndNumber("cv1", 4);
        heads.release("cv1", false);
        long again = holdAndNumber("cv1", 4);
        heads.release("cv1", true);
        assertThat(first).isEqualTo(5);
        assertThat(again).isEqualTo(5);
        stored.put("cv1", 5L); // what the committed transaction stored
        assertThat(heads.numberJournaled("cv1", 1)).contains(6L);
    }

    @Test
    void onlyTheBatchHoldingAConversationsLastPendingMessagesFinishesIt() {
        heads.numberJournaled("cv1", 3); // 5, 6, 7 pending
        assertThat(heads.finishes("cv1", 2)).isFalse();
        heads.applied("cv1", 6, 2);
        heads.numberJournaled("cv1", 1); // 8 journaled meanwhile
        assertThat(heads.finishes("cv1", 1)).isFalse();
        assertThat(heads.finishes("cv1", 2)).isTrue();
        assertThat(heads.finishes("idle", 1)).isTrue();
    }

    @Test
    void aReaderWaitsUntilEveryMessageJournaledBeforeItAskedIsApplied() {
        heads.numberJournaled("cv1", 2); // 5 and 6
        CompletableFuture<Instant> reader = CompletableFuture.supplyAsync(() -> {
            heads.awaitApplied("cv1");
            return Instant.now();
        });
        heads.applied("cv1", 5, 1);
        assertThat(reader).isNotDone();
        Instant lastApplied = Instant.now();
        heads.applied("cv1", 6, 1);
        await().atMost(Duration.ofSeconds(10)).until(reader::isDone);
        assertThat(reader.join()).isAfterOrEqualTo(lastApplied);
    }

    @Test
    void onceEverythingIsAppliedTheConversationIsReadFromTheDatabaseAgain() {
        heads.numberJournaled("cv1", 1);
        assertThat(heads.size()).isEqualTo(1);
        heads.applied("cv1", 5, 1);
        assertThat(heads.size()).isZero();
        stored.put("cv1", 9L); // an agent's replies meanwhile
        assertThat(heads.numberJournaled("cv1", 1)).contains(10L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aHeadRetiredAfterTheJournalFetchedItIsNotNumberedOnReadersWaitForTheNewMessage() {
        ConversationHeads.Head fetched = head("cv1"); // the journal looks up client ids next
        heads.numberJournaled("cv1", 1); // 5, from another batch
        heads.applied("cv1", 5, 1); // stored: the fetched head retires
        stored.put("cv1", 5L);
        assertThat(heads.numberJournaled("cv1", 1)).contains(6L);
        assertThat(fetched.retired).isTrue();
        assertThat(fetched.assigned).isEqualTo(5); // nothing given on the retired head
        assertThat(heads.size()).isEqualTo(1); // a reader finds 6 pending and waits for it
        assertThat(heads.finishes("cv1", 0)).isFalse();
    }

    @Test
    void messagesRecoveredAtStartAreNumberedAroundAndReadersWaitForThem() {
        heads.recovered(StoredMessage.customer("cv1", 5, "a", "chat", "在吗", Instant.now()));
        heads.recovered(StoredMessage.customer("cv1", 6, "b", "chat", "车灯不亮", Instant.now()));
        assertThat(heads.numberJournaled("cv1", 1)).contains(7L);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> heads.awaitApplied("cv1"));
        heads.applied("cv1", 6, 2);
        assertThat(reader).isNotDone(); // 7 is not in the database yet
        heads.applied("cv1", 7, 1);
        await().atMost(Duration.ofSeconds(10)).until(reader::isDone);
    }

    @Test
    void aSystemMessageStoredAfterARecoveredOneKeepsItsSeq() {
        stored.put("cv1", 7L); // 5 and 6 journaled, then a direct append took 7, then the crash
        heads.recovered(StoredMessage.customer("cv1", 5, "a", "chat", "在吗", Instant.now()));
        heads.recovered(StoredMessage.customer("cv1", 6, "b", "chat", "车灯不亮", Instant.now()));
        assertThat(heads.numberJournaled("cv1", 1)).contains(8L);
    }

    private long holdAndNumber(String id, long storedLastSeq) {
        try {
            return heads.holdAndNumber(id, "chat", storedLastSeq);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
