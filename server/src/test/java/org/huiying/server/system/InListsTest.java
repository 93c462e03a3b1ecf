package org.huiying.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anEmptyListIsRefusedRatherThanWrittenAsInvalidSql() {
        assertThatThrownBy(() -> InLists.padded(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
