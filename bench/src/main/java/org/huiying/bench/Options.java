package org.huiying.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} and {@code --flag} arguments. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            values.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    int integer(String name, int quick, int full) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : flag("quick") ? quick : full;
    }

    Duration seconds(String name, int quick, int full) {
        return Duration.ofSeconds(integer(name, quick, full));
    }

    String string(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /**
     * The Huiying server jar: {@code --server-jar=}, else {@code server/target/huiying-server.jar}
     * under the working directory or beside this bench jar's module.
     */
    Path serverJar() {
        if (values.containsKey("server-jar")) {
            return Path.of(values.get("server-jar"));
        }
        Path here = Path.of("server/target/huiying-server.jar");
        if (Files.exists(here)) {
            return here;
        }
        Path benchJar = benchJar();
        Path beside = benchJar.toAbsolutePath().getParent().getParent().getParent().resolve("server/target/huiying-server.jar");
        if (Files.exists(beside)) {
            return beside;
        }
        throw new IllegalStateException("Cannot find server/target/huiying-server.jar: build it (mvn -B package -DskipTests) "
                + "or pass --server-jar=<path>");
    }

    /** This program's own jar (or classes directory, when run from an IDE or a test). */
    static Path benchJar() {
        try {
            return Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
