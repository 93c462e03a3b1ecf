package org.huiying.server.conversation;

/** A message as the API shows it. */
public record MessageView(long seq, String from, String text, String at, String channel, String delivery) {

    public static MessageView of(Message m) {
        return new MessageView(m.seq(), m.sender().wire(), m.text(), m.at().toString(), m.channel(), m.delivery());
    }
}
