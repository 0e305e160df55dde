package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Target;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaiverTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final WaiverPolicy THIRTY_DAYS = new WaiverPolicy(30);

    private static Waiver waiver(String check, String expires) {
        return new Waiver(check, Optional.of("frontend"), "ticket 7", LocalDate.parse(expires));
    }

    @Test
    void waiverWithinTheMaximumHasNoNotice() {
        assertThat(waiver("http.version-leak", "2026-12-25").notices(TODAY, THIRTY_DAYS)).isEmpty();
    }

    @Test
    void waiverBeyondTheMaximumNamesItsDateTheDaysAndThePolicy() {
        assertThat(waiver("http.version-leak", "2026-12-26").notices(TODAY, THIRTY_DAYS)).containsExactly(
                "waiver for http.version-leak on frontend expires on 2026-12-26, 31 days ahead, more than "
                        + "waiver-policy.max-days (30): give it a nearer date and renew it if the reason still holds");
    }

    @Test
    void expiredWaiverIsNamedWithItsReason() {
        assertThat(waiver("http.version-leak", "2026-11-24").notices(TODAY, THIRTY_DAYS)).containsExactly(
                "waiver for http.version-leak on frontend expired on 2026-11-24 and no longer applies "
                        + "(reason was: ticket 7)");
    }

    @Test
    void waiverLastingThroughTodayIsNotExpired() {
        assertThat(waiver("http.version-leak", "2026-11-25").notices(TODAY, THIRTY_DAYS)).isEmpty();
    }

    @Test
    void globWithoutAnAreaWaivesEveryCheckAndSaysSo() {
        for (String everything : new String[] {"*", "**", "*.*"}) {
            assertThat(waiver(everything, "2026-12-01").notices(TODAY, THIRTY_DAYS)).as(everything)
                    .singleElement().asString().startsWith("waiver for " + everything + " on frontend names no check")
                    .contains("waives every check");
        }
    }

    @Test
    void globOfOneAreaIsNoNotice() {
        assertThat(waiver("tls.*", "2026-12-01").notices(TODAY, THIRTY_DAYS)).isEmpty();
    }

    @Test
    void waiverForEveryCheckFarAheadGetsBothNotices() {
        assertThat(waiver("*", "2030-01-01").notices(TODAY, WaiverPolicy.DEFAULTS)).hasSize(2);
    }

    @Test
    void waiverCoversItsRoleOrAddressOnly() {
        Waiver waiver = waiver("http.*", "2026-12-01");

        assertThat(waiver.covers("http.version-leak", new Target("frontend", "https://app.example.com/"))).isTrue();
        assertThat(waiver.covers("http.version-leak", new Target("backend", "https://api.example.com/"))).isFalse();
        assertThat(waiver.covers("tls.cert.validity", new Target("frontend", "app.example.com:443"))).isFalse();
    }
}
