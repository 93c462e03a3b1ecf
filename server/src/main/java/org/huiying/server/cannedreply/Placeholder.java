package org.huiying.server.cannedreply;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a canned reply may leave for the console to fill: written {@code {客户称呼}} in the text. The
 * console knows how to fill exactly these; any other name in braces is refused when saved, so a typo
 * never reaches a customer as a literal {@code {客户名称}}.
 */
enum Placeholder {

    /** 王先生/女士 (from the masked card), or 尊敬的客户 when the customer gave no name. */
    CUSTOMER_SALUTATION("客户称呼"),
    /** The ticket's id, which the customer can quote. */
    TICKET_ID("工单号"),
    /** The display name of whoever inserts the phrase. */
    AGENT_NAME("坐席姓名"),
    /** The vehicle model on the ticket. */
    VEHICLE_MODEL("车型");

    private static final Pattern WRITTEN = Pattern.compile("\\{([^{}\\s]{1,20})}");

    private final String written;

    Placeholder(String written) {
        this.written = written;
    }

    public String written() {
        return written;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Placeholder::written).toList();
    }

    /** Full-width braces as typed on a Chinese keyboard (｛｝) become the ones the console looks for. */
    static String normalized(String text) {
        return text.replace('｛', '{').replace('｝', '}');
    }

    /** The names in braces in {@code text}, in order of first use. */
    static Set<String> usedIn(String text) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = WRITTEN.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
