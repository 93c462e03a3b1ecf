package org.huiying.server.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswerParserTest {

    private final SurveyAnswerParser parser = new SurveyAnswerParser();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "5|5", "５|5", "五|5", "5分|5", "五星|5", " 4 |4", "3颗星|3",
            "非常满意|5", "很满意|5", "满意|4", "比较满意|4", "一般|3", "还行|3", "不满意|2", "不太满意|2",
            "很不满意|1", "非常不满意|1", "太差|1", "非常滿意|5", "不滿意|2",
    })
    void readsTheScoreCustomersReplyWith(String reply, int score) {
        assertThat(parser.parse(reply)).hasValueSatisfying(a -> assertThat(a.score()).isEqualTo(score));
    }

    @Test
    void keepsWhatFollowsTheScoreAsTheComment() {
        var answer = parser.parse("1 太慢了").orElseThrow();
        assertThat(answer.score()).isEqualTo(1);
        assertThat(answer.comment()).isEqualTo("太慢了");
        assertThat(parser.parse("满意，师傅很专业").orElseThrow().comment()).isEqualTo("师傅很专业");
        assertThat(parser.parse("5").orElseThrow().comment()).isEmpty();
        assertThat(parser.parse("5分服务很到位").orElseThrow().comment()).isEqualTo("服务很到位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "好的", "车又充不进电了", "6", "0", "10", "15号再来", "我5点到", "谢谢"})
    void anythingElseIsNotAnAnswer(String reply) {
        assertThat(parser.parse(reply)).isEmpty();
    }
}
