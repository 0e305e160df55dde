package dev.smokegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartOrderTest {

    private static PlannedCheck planned(String id, String address) {
        return new PlannedCheck(FakeCheck.judging(id, Verdict.pass("ok")), new Target(Target.BACKEND, address),
                Optional.empty());
    }

    @Test
    void startsOneCheckOfEveryAddressBeforeTheSecondOfAny() {
        List<PlannedCheck> plan = List.of(
                planned("a.one.x", "https://api.example.com/health"),
                planned("a.two.x", "https://api.example.com/health/db"),
                planned("a.three.x", "https://api.example.com:443/"),
                planned("b.one.x", "https://app.example.com/"),
                planned("c.one.x", "http://app.example.com/"),
                planned("d.one.x", "api.example.com:8443"),
                planned("b.two.x", "https://APP.example.com/login"));

        assertThat(StartOrder.acrossAddresses(plan)).extracting(p -> p.check().spec().id()).containsExactly(
                "a.one.x", "b.one.x", "c.one.x", "d.one.x", "a.two.x", "b.two.x", "a.three.x");
    }

    @Test
    void keepsEveryCheckOnceWhateverItsTarget() {
        List<PlannedCheck> plan = List.of(planned("a.one.x", "staging"), planned("a.two.x", "example.com"),
                planned("a.three.x", "wss://rt.example.com/ws"), planned("a.four.x", "ws://rt.example.com/ws"),
                planned("a.five.x", "[::1]:8443"));

        assertThat(StartOrder.acrossAddresses(plan)).containsExactlyInAnyOrderElementsOf(plan);
    }
}
