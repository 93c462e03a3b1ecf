package org.huiying.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The domain synonym and phrase dictionary: one group per line, the first entry is the canonical
 * form, the others are what customers and technicians also write, e.g.
 * {@code 蓄电池,电瓶,小电瓶,12V电池}. Entries are separated by {@code ,}, {@code ，} or {@code =};
 * {@code #} starts a comment. Every entry of a group is indexed and searched as the canonical form,
 * so 「跳枪」 finds an article that says 「充电中断」.
 *
 * <p>Immutable. {@link #defaults()} is the dictionary shipped with Huiying; an admin edits a copy in
 * the data directory, read with {@link #read(Path)}.
 */
public final class SynonymDictionary {

    /** The shipped dictionary, as a classpath resource (copied into the data directory on first start). */
    public static final String DEFAULT_RESOURCE = "/org/huiying/kb/synonyms.txt";

    private final List<List<String>> groups;

    private SynonymDictionary(List<List<String>> groups) {
        this.groups = List.copyOf(groups);
    }

    public static SynonymDictionary empty() {
        return new SynonymDictionary(List.of());
    }

    public static SynonymDictionary defaults() {
        try (InputStream in = SynonymDictionary.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SynonymDictionary read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SynonymDictionary parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> entries = Arrays.stream(content.split("[,，=]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            if (entries.size() >= 2) {
                groups.add(entries);
            }
        }
        return new SynonymDictionary(groups);
    }

    /** Each group: canonical form first. */
    public List<List<String>> groups() {
        return groups;
    }

    /** The number of variant → canonical mappings (entries other than the canonical ones). */
    public int entryCount() {
        return groups.stream().mapToInt(g -> g.size() - 1).sum();
    }
}
