package dev.smokegate.model;

import java.time.Duration;
import java.util.Locale;

/** Step times as a person reads them: {@code 0.4 s}, {@code 12.3 s}, {@code 4m 05s}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm %02ds", millis / 60_000, millis / 1000 % 60);
    }
}
