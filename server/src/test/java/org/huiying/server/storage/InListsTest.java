package org.huiying.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void listsArePaddedWithTheirLastValueToTheNextPowerOfTwo() {
        assertThat(InLists.padded(List.of("a"))).containsExactly("a");
        assertThat(InLists.padded(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(InLists.padded(List.of("a", "b", "c"))).containsExactly("a", "b", "c", "c");
        assertThat(InLists.padded(List.of(1, 2, 3, 4, 5))).containsExactly(1, 2, 3, 4, 5, 5, 5, 5);
    }

    @Test
    void longListsAreQueriedInPaddedChunksAndEveryAnswerIsKept() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            values.add(i);
        }
        List<List<Integer>> asked = new ArrayList<>();
        List<Integer> found = InLists.inChunks(values, chunk -> {
            asked.add(chunk);
            return chunk.stream().distinct().map(v -> v * 10).toList();
        });
        assertThat(asked).extracting(List::size).containsExactly(64, 64, 32);
        assertThat(asked.get(2)).startsWith(128).endsWith(149, 149);
        assertThat(found).hasSize(150).contains(0, 1490);
        assertThat(InLists.inChunks(List.<Integer>of(), chunk -> List.of(chunk))).isEmpty();
    }

    @Test
    void anEmptyListIsRefusedRatherThanWrittenAsInvalidSql() {
        assertThatThrownBy(() -> InLists.padded(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
