package org.huiying.routing.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtcSpecialitiesTest {

    private final DtcSpecialities table = DtcSpecialities.defaults();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "P0AA6, high-voltage", "p0aa6, high-voltage", "P0A80, battery", "P0A7F, battery", "P0A0F, motor",
            "P0D27, charging", "U0100, electronic-control", "U0111, battery", "B1A00, high-voltage", "B1234, body-electronics",
            "C0035, chassis", "P0300, engine", "P0606, electronic-control",
    })
    void faultCodesReachTheRightSpeciality(String code, String skill) {
        assertThat(table.specialityOf(code)).contains(skill);
    }

    @Test
    void unknownCodesNeedNoParticularSpeciality() {
        assertThat(table.specialityOf("X1234")).isEmpty();
        assertThat(table.specialityOf("")).isEmpty();
    }

    @Test
    void severalCodesGiveEachSpecialityOnce() {
        assertThat(table.specialitiesOf(List.of("P0AA6", "P0A80", "P0A7F", "U0100")))
                .containsExactly("high-voltage", "battery", "electronic-control");
    }

    @Test
    void anAdminCanRemapACodeWithoutTouchingTheDefaults() {
        DtcSpecialities ours = table.copy().add(new ByteArrayInputStream("P0A80 high-voltage\n".getBytes(StandardCharsets.UTF_8)), "ours");
        assertThat(ours.specialityOf("P0A80")).contains("high-voltage");
        assertThat(table.specialityOf("P0A80")).contains("battery");
        assertThatThrownBy(() -> table.copy().add(new ByteArrayInputStream("nonsense\n".getBytes(StandardCharsets.UTF_8)), "ours"))
                .hasMessageContaining("ours:1");
    }
}
