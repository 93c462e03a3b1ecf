package org.huiying.server.conversation.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which client message ids each recently active conversation has used, as 64-bit hashes, so the
 * journal's writer can tell a new message from a resent one without asking the database: asking
 * per message, while the applier's transaction is open, cost the writer most of its time
 * (docs/benchmarks.md). A conversation's ids are read from the database once, when it comes in;
 * everything the journal stores afterwards is added. "Absent" is certain; "present" may be a
 * hash collision, so the caller then looks the message up. Bounded: the least recently used
 * conversations are dropped and read again when they come back.
 */
final class ClientIdIndex {

    private final Function<String, Collection<String>> stored;
    private final long maxIds;
    private final Map<String, LongSet> byConversation = new LinkedHashMap<>(1024, 0.75f, true); // guarded by this
    private long ids;          // guarded by this
    private long generation;   // guarded by this: bumped when a conversation's ids change outside the journal

    ClientIdIndex(Function<String, Collection<String>> stored, long maxIds) {
        this.stored = stored;
        this.maxIds = maxIds;
    }

    /** False when {@code clientMessageId} was certainly never used on the conversation. */
    boolean mayContain(String conversationId, String clientMessageId) {
        return idsOf(conversationId).contains(hash(clientMessageId));
    }

    /** The journal stored a message with this id (called before it is acknowledged). */
    void add(String conversationId, String clientMessageId) {
        LongSet set = idsOf(conversationId);
        synchronized (this) {
            if (set.add(hash(clientMessageId)) && byConversation.get(conversationId) == set) {
                ids++;
                evict();
            }
        }
    }

    /** Something else stored a message with a client id on the conversation: read its ids again next time. */
    synchronized void invalidate(String conversationId) {
        generation++;
        LongSet gone = byConversation.remove(conversationId);
        if (gone != null) {
            ids -= gone.size();
        }
    }

    private LongSet idsOf(String conversationId) {
        long seen;
        synchronized (this) {
            LongSet known = byConversation.get(conversationId);
            if (known != null) {
                return known;
            }
            seen = generation;
        }
        LongSet loaded = new LongSet();
        stored.apply(conversationId).forEach(id -> loaded.add(hash(id)));
        synchronized (this) {
            if (generation == seen) { // nothing changed while it was read: keep it
                byConversation.put(conversationId, loaded);
                ids += loaded.size();
                evict();
            }
        }
        return loaded;
    }

    private void evict() {
        Iterator<Map.Entry<String, LongSet>> oldest = byConversation.entrySet().iterator();
        while (ids > maxIds && oldest.hasNext()) {
            ids -= oldest.next().getValue().size();
            oldest.remove();
        }
    }

    synchronized long size() {
        return ids;
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units, then mixed
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Open addressing over a long[]; 0 marks a free slot, so the hash 0 is stored as 1. */
    static final class LongSet {
        private long[] slots = new long[8];
        private int size;

        boolean contains(long v) {
            long key = v == 0 ? 1 : v;
            int mask = slots.length - 1;
            for (int i = (int) key & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return true;
                }
            }
            return false;
        }

        boolean add(long v) {
            long key = v == 0 ? 1 : v;
            if ((size + 1) * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                Arrays.stream(old).filter(k -> k != 0).forEach(this::insert);
            }
            return insert(key);
        }

        int size() {
            return size;
        }

        private boolean insert(long key) {
            int mask = slots.length - 1;
            int i = (int) key & mask;
            while (slots[i] != 0) {
                if (slots[i] == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = key;
            size++;
            return true;
        }
    }
}
