package org.huiying.routing.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseClassifierTest {

    private final PhraseClassifier classifier = new PhraseClassifier(ClassifierRules.defaults());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "车充不进电, TECHNICAL",
            "车充不进电了怎么办, TECHNICAL",
            "仪表报P0A80, TECHNICAL",
            "仪表报p0a80, TECHNICAL",
            "仪表报ｐ０ａ８０, TECHNICAL",
            "车機黑屏了, TECHNICAL",
            "態度太差, ATTITUDE",
            "你们客服态度太差了, ATTITUDE",
            "接电话的人很不耐烦, ATTITUDE",
            "等了三天还没修好, PROCESS",
            "效率太低, PROCESS",
            "你們效率太低了, PROCESS",
            "电池坏了等了三天还没修好, TECHNICAL",
    })
    void colloquialComplaintsLandInTheRightCategory(String text, Category expected) {
        assertThat(classifier.classify(text).category()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "我要投诉, COMPLAINT",
            "我要投訴你們, COMPLAINT",
            "想预约下周六保养, APPOINTMENT",
            "想預約保養, APPOINTMENT",
            "车该保养了, APPOINTMENT",
            "麻烦给我回个电话, CALLBACK",
            "你好, INQUIRY",
    })
    void typeFollowsWhatTheCustomerAsksFor(String text, TicketType expected) {
        assertThat(classifier.classify(text).type()).isEqualTo(expected);
    }

    @Test
    void chargingTroubleNeedsTheChargingSkill() {
        assertThat(classifier.classify("车充不进电了").skills()).contains("charging");
        assertThat(classifier.classify("充電樁跳槍").skills()).contains("charging");
        assertThat(classifier.classify("bms报绝缘故障").skills()).contains("battery", "high-voltage");
    }

    @Test
    void praiseIsNotAnAttitudeComplaint() {
        assertThat(classifier.classify("你们的服务态度很好，谢谢").category()).isNull();
    }

    @Test
    void smallTalkHasNoCategoryAndNeedsNoSkill() {
        Classification c = classifier.classify("你好");
        assertThat(c.category()).isNull();
        assertThat(c.skills()).isEmpty();
    }

    @Test
    void adminRulesExtendTheDefaults() {
        ClassifierRules rules = ClassifierRules.defaults().copy().add(stream("""
                # our dealers say 趴电 for a flat 12 V battery
                category TECHNICAL: 趴电
                skill battery: 趴电
                """), "classifier-rules.txt");
        Classification c = new PhraseClassifier(rules).classify("早上起来车又趴电了");
        assertThat(c.category()).isEqualTo(Category.TECHNICAL);
        assertThat(c.skills()).containsExactly("battery");
        assertThat(classifier.classify("早上起来车又趴电了").category()).as("defaults untouched").isNull();
    }

    @Test
    void aMalformedRuleNamesItsLine() {
        assertThatThrownBy(() -> ClassifierRules.defaults().copy().add(stream("skill charging: 充电\ncategory NICE: 好\n"), "x.txt"))
                .hasMessageContaining("x.txt:2");
        assertThatThrownBy(() -> ClassifierRules.defaults().copy().add(stream("no colon here\n"), "x.txt"))
                .hasMessageContaining("x.txt:1");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStrandedCarIsRoadsideHelpInSimplifiedOrTraditional() {
        assertThat(classifier.classify("车在高速上抛锚了").type()).isEqualTo(TicketType.ROADSIDE);
        assertThat(classifier.classify("車子在路上趴窩了，要叫拖車").type()).isEqualTo(TicketType.ROADSIDE);
        assertThat(classifier.classify("打不着火在路上，怎么办").type()).isEqualTo(TicketType.ROADSIDE);
        assertThat(classifier.classify("早上在家打不着火").type()).isNotEqualTo(TicketType.ROADSIDE);
    }
}
