package org.huiying.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a customer's first words by phrases. Deliberately simple and predictable: a supervisor
 * can tell why a ticket landed where it did. Traditional characters used in the phrases below are
 * listed alongside the simplified ones.
 */
public final class KeywordClassifier {

    private static final Pattern FAULT_CODE = Pattern.compile("(?<![A-Z0-9])[PBCU][0-9A-F]{4}(?![A-Z0-9])");

    private static final List<String> COMPLAINT = List.of("投诉", "投訴", "举报", "舉報", "曝光");
    private static final List<String> APPOINTMENT = List.of("预约", "預約", "保养", "保養", "约个时间", "約個時間");
    private static final List<String> ATTITUDE = List.of("态度", "態度", "不耐烦", "不耐煩", "骂人", "罵人", "爱答不理", "愛答不理");
    private static final List<String> PROCESS = List.of("效率", "太慢", "等了", "还没修好", "還沒修好", "拖", "没人理", "沒人理", "流程");

    private static final Map<String, List<String>> SKILL_PHRASES = Map.of(
            "charging", List.of("充电", "充電", "充不进电", "充不進電", "充电桩", "充電樁", "跳枪", "跳槍"),
            "battery", List.of("电池", "電池", "续航", "續航", "掉电", "掉電", "电瓶", "電瓶"),
            "motor", List.of("电机", "電機", "异响", "異響"),
            "high-voltage", List.of("绝缘", "絕緣", "高压", "高壓", "漏电", "漏電"),
            "thermal", List.of("空调", "空調", "过热", "過熱", "热管理", "熱管理"),
            "appointment", List.of("预约", "預約", "保养", "保養"),
            "complaint", List.of("投诉", "投訴"));

    private static final List<String> TECHNICAL = List.of("故障", "报警", "報警", "报错", "報錯", "坏了", "壞了",
            "不亮", "启动不了", "啟動不了", "无法启动", "無法啟動", "趴窝", "趴窩");

    public Classification classify(String text) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
        Set<String> skills = new LinkedHashSet<>();
        SKILL_PHRASES.forEach((skill, phrases) -> {
            if (containsAny(t, phrases)) {
                skills.add(skill);
            }
        });
        boolean technical = FAULT_CODE.matcher(t).find() || containsAny(t, TECHNICAL)
                || skills.stream().anyMatch(s -> !s.equals("appointment") && !s.equals("complaint"));
        Category category = technical ? Category.TECHNICAL
                : containsAny(t, ATTITUDE) ? Category.ATTITUDE
                : containsAny(t, PROCESS) ? Category.PROCESS
                : null;
        TicketType type = containsAny(t, COMPLAINT) ? TicketType.COMPLAINT
                : containsAny(t, APPOINTMENT) ? TicketType.APPOINTMENT
                : TicketType.INQUIRY;
        return new Classification(type, category, skills);
    }

    private static boolean containsAny(String text, List<String> phrases) {
        for (String p : phrases) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
