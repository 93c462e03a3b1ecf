package org.huiying.server.conversation.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A customer's message as the journal keeps it: everything needed to store it in the message table
 * exactly as the group commit would have, once it has been acknowledged.
 */
final class JournalRecord {

    private JournalRecord() {
    }

    static byte[] encode(StoredMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + m.text().length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(m.conversationId());
            out.writeLong(m.seq());
            out.writeUTF(m.channel());
            out.writeBoolean(m.clientMessageId() != null);
            if (m.clientMessageId() != null) {
                out.writeUTF(m.clientMessageId());
            }
            out.writeUTF(m.text()); // at most 4,000 characters: well inside writeUTF's 65,535 bytes
            out.writeLong(m.at().getEpochSecond());
            out.writeInt(m.at().getNano());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredMessage decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String conversationId = in.readUTF();
            long seq = in.readLong();
            String channel = in.readUTF();
            String cmid = in.readBoolean() ? in.readUTF() : null;
            String text = in.readUTF();
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return StoredMessage.customer(conversationId, seq, cmid, channel, text, at);
        }
    }
}
