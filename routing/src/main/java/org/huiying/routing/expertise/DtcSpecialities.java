package org.huiying.routing.expertise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps diagnostic trouble codes to the expert speciality (skill) they need: P0AA6 (hybrid battery
 * insulation) → high-voltage, P0A80 (replace hybrid battery pack) → battery, U0100 (lost
 * communication with the ECM) → electronic-control. The longest matching code prefix wins, so a
 * table can be coarse for a family and precise for a code.
 */
public final class DtcSpecialities {

    /** An OBD-II style code: a system letter and four hexadecimal characters. */
    public static final Pattern CODE = Pattern.compile("[PBCU][0-9A-F]{4}");

    private final TreeMap<String, String> byPrefix = new TreeMap<>();

    private DtcSpecialities() {
    }

    public static DtcSpecialities defaults() {
        try (InputStream in = DtcSpecialities.class.getResourceAsStream("/org/huiying/routing/classification/dtc-specialities.txt")) {
            return new DtcSpecialities().add(in, "dtc-specialities.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These mappings plus those in {@code in}; a later line for the same prefix replaces an earlier one. */
    public DtcSpecialities add(InputStream in, String source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                if (parts.length != 2 || !parts[0].toUpperCase(Locale.ROOT).matches("[PBCU][0-9A-F]{0,4}")) {
                    throw new IllegalArgumentException(source + ":" + number + ": expected \"<code or prefix> <skill>\"");
                }
                byPrefix.put(parts[0].toUpperCase(Locale.ROOT), parts[1]);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DtcSpecialities copy() {
        DtcSpecialities c = new DtcSpecialities();
        c.byPrefix.putAll(byPrefix);
        return c;
    }

    /** The speciality for one code, if any prefix of it is mapped. */
    public Optional<String> specialityOf(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        for (int length = c.length(); length > 0; length--) {
            String skill = byPrefix.get(c.substring(0, length));
            if (skill != null) {
                return Optional.of(skill);
            }
        }
        return Optional.empty();
    }

    /** The specialities a set of codes needs, in the order the codes were given. */
    public Set<String> specialitiesOf(Collection<String> codes) {
        Set<String> skills = new LinkedHashSet<>();
        codes.forEach(code -> specialityOf(code).ifPresent(skills::add));
        return skills;
    }
}
