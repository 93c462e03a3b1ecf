package org.huiying.server.telephony.voice;

import java.util.List;
import java.util.Optional;
import org.huiying.routing.Category;
import org.huiying.routing.TicketType;
import org.huiying.routing.assignment.Priority;

/** The hotline menu: a key (or the words a caller may say instead) and what it leads to. */
enum MenuChoice {

    INQUIRY("1", TicketType.INQUIRY, "inquiry", "一", List.of("咨询")),
    COMPLAINT("2", TicketType.COMPLAINT, "complaint", "二", List.of("投诉")),
    APPOINTMENT("3", TicketType.APPOINTMENT, "appointment", "三", List.of("预约", "保养", "维修")),
    /** Roadside assistance: its own type and clock, ahead of every queue. */
    ROADSIDE("4", TicketType.ROADSIDE, "roadside", "四", List.of("救援", "道路", "拖车", "抛锚")),
    CALLBACK("9", TicketType.CALLBACK, "callback", "九", List.of("回电", "回拨")),
    AGENT("0", TicketType.INQUIRY, "inquiry", "零", List.of("人工", "客服", "坐席"));

    final String key;
    final TicketType type;
    /** The ticket's queue, and the Twilio queue the caller waits in. */
    final String queue;
    /** The key said as a Chinese numeral. */
    private final String numeral;
    private final List<String> words;

    MenuChoice(String key, TicketType type, String queue, String numeral, List<String> words) {
        this.key = key;
        this.numeral = numeral;
        this.type = type;
        this.queue = queue;
        this.words = words;
    }

    int priority() {
        return Priority.of(type, (Category) null);
    }

    /** The prompt key naming this choice to the caller. */
    String typePrompt() {
        return "type." + type.name();
    }

    /** Keys first; otherwise a key said alone, or the first choice whose words the speech contains. */
    static Optional<MenuChoice> of(String digits, String speech) {
        if (digits != null && !digits.isBlank()) {
            String key = digits.strip().substring(0, 1);
            for (MenuChoice c : values()) {
                if (c.key.equals(key)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
        if (speech != null && !speech.isBlank()) {
            String said = speech.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "");
            for (MenuChoice c : values()) {
                if (said.equals(c.key) || said.equals(c.numeral)) {
                    return Optional.of(c);
                }
            }
            for (MenuChoice c : values()) {
                if (c.words.stream().anyMatch(speech::contains)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
