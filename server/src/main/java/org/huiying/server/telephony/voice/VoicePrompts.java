package org.huiying.server.telephony.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.huiying.server.runtime.EditableFile;
import org.huiying.server.runtime.HuiyingProperties;
import org.springframework.stereotype.Component;

/**
 * What the hotline says: the shipped Chinese prompts, each overridable by the admin's
 * {@code voice-prompts.properties} in the data directory (UTF-8), re-read when it changes.
 */
@Component
class VoicePrompts {

    static final String FILE = "voice-prompts.properties";

    private final EditableFile<Properties> prompts;

    VoicePrompts(HuiyingProperties huiying) {
        this.prompts = new EditableFile<>(huiying.dataDir().resolve(FILE), VoicePrompts::shipped, VoicePrompts::extend);
    }

    /** The prompt {@code key} with each {@code {name}} replaced by its value. */
    String text(String key, Map<String, ?> values) {
        String text = prompts.get().getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no voice prompt " + key);
        }
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return text;
    }

    String text(String key) {
        return text(key, Map.of());
    }

    private static Properties shipped() {
        try (InputStream in = VoicePrompts.class.getResourceAsStream(FILE)) {
            return extend(new Properties(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties extend(Properties defaults, InputStream in) {
        Properties all = new Properties();
        all.putAll(defaults);
        try {
            all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
