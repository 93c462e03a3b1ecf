package org.huiying.server.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huiying.privacy.*}.
 *
 * @param revealRoles      roles allowed to see a customer's full phone number and name (each reveal is audited)
 * @param retentionSweepEvery how often the retention job runs (default daily)
 * @param retentionFirstSweepAfter how long after start the first run comes
 * @param mediaHosts       hosts whose https links to customers' photos and recordings are stored, besides Twilio's
 */
@ConfigurationProperties("huiying.privacy")
public record PrivacyProperties(Set<String> revealRoles, Duration retentionSweepEvery, Duration retentionFirstSweepAfter,
                                List<String> mediaHosts) {

    public PrivacyProperties {
        revealRoles = revealRoles == null ? Set.of("SUPERVISOR", "ADMIN")
                : revealRoles.stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).filter(r -> !r.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        retentionSweepEvery = retentionSweepEvery == null ? Duration.ofDays(1) : retentionSweepEvery;
        retentionFirstSweepAfter = retentionFirstSweepAfter == null ? Duration.ofMinutes(10) : retentionFirstSweepAfter;
        mediaHosts = mediaHosts == null ? List.of() : List.copyOf(mediaHosts);
    }

    public boolean mayReveal(Set<String> roles) {
        return roles.stream().anyMatch(revealRoles::contains);
    }
}
