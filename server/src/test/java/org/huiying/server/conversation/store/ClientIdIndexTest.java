package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientIdIndexTest {

    private final Map<String, List<String>> stored = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private ClientIdIndex index(long maxIds) {
        return new ClientIdIndex(id -> {
            reads.incrementAndGet();
            return new ArrayList<>(stored.getOrDefault(id, List.of()));
        }, maxIds);
    }

    @Test
    void idsStoredBeforeAndIdsAddedSinceAreKnownOthersAreCertainlyNew() {
        stored.put("cv1", List.of("m1", "m2"));
        ClientIdIndex index = index(1_000);
        assertThat(index.mayContain("cv1", "m1")).isTrue();
        assertThat(index.mayContain("cv1", "m3")).isFalse();
        index.add("cv1", "m3");
        assertThat(index.mayContain("cv1", "m3")).isTrue();
        assertThat(index.mayContain("cv2", "m1")).isFalse();
        assertThat(reads).hasValue(2); // once per conversation
    }

    @Test
    void aConversationChangedElsewhereIsReadAgain() {
        ClientIdIndex index = index(1_000);
        assertThat(index.mayContain("cv1", "sms-1")).isFalse();
        stored.put("cv1", List.of("sms-1"));
        index.invalidate("cv1");
        assertThat(index.mayContain("cv1", "sms-1")).isTrue();
    }

    @Test
    void theLeastRecentlyUsedConversationsGoWhenTheBoundIsReachedAndComeBackFromTheDatabase() {
        stored.put("cv1", List.of("a", "b"));
        stored.put("cv2", List.of("c", "d"));
        ClientIdIndex index = index(3);
        index.mayContain("cv1", "a");
        index.mayContain("cv2", "c");
        assertThat(index.size()).isLessThanOrEqualTo(3);
        assertThat(index.mayContain("cv1", "b")).isTrue(); // read again
        assertThat(reads).hasValue(3);
    }

    @Test
    void manyIdsStayDistinguishable() {
        ClientIdIndex index = index(1_000_000);
        for (int i = 0; i < 100_000; i++) {
            index.add("cv1", "cmid-" + i);
        }
        int falsePositives = 0;
        for (int i = 100_000; i < 200_000; i++) {
            if (index.mayContain("cv1", "cmid-" + i)) {
                falsePositives++;
            }
        }
        assertThat(index.size()).isEqualTo(100_000);
        assertThat(falsePositives).isZero();
        assertThat(index.mayContain("cv1", "cmid-99999")).isTrue();
    }
}
