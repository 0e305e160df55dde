package dev.smokegate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code database.archiving}: how recent the last archived WAL segment must be ({@code max-age}), and what
 * {@code db.pitr.archiving} makes of a server whose archiving is off or hidden ({@code when-off}): managed platforms
 * archive by their own means and hide it, which must not raise a false alarm there.
 */
public record ArchivingSettings(Duration maxAge, WhenOff whenOff) {

    /** A day of writes plus slack: a quiet database may switch WAL segments only at archive_timeout or checkpoints. */
    public static final ArchivingSettings DEFAULTS = new ArchivingSettings(Duration.ofHours(26), WhenOff.WARN);

    /** What archiving that is off or unreadable becomes: a warning, or a pass that says it was not judged. */
    public enum WhenOff { WARN, PASS }

    static ArchivingSettings read(YamlNode archiving) {
        return new ArchivingSettings(archiving.duration("max-age").orElse(DEFAULTS.maxAge),
                archiving.parsed("when-off", text -> switch (text.trim()) {
                    case "warn" -> Optional.of(WhenOff.WARN);
                    case "pass" -> Optional.of(WhenOff.PASS);
                    default -> Optional.<WhenOff>empty();
                }, "expected warn or pass").orElse(DEFAULTS.whenOff));
    }
}
