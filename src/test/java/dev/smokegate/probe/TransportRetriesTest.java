package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportRetriesTest {

    /** A scripted attempt: an answer, or a transport error. */
    private record Scripted(String name, Optional<TransportError> retryable) implements TransportRetries.Attempt {
        static Scripted answer() {
            return new Scripted("answer", Optional.empty());
        }

        static Scripted error(TransportError error) {
            return new Scripted(error.name(), Optional.of(error));
        }
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    private int attempts;

    private TransportRetries.Tried<Scripted> run(int retries, boolean mayRetry, Scripted... results) {
        script.addAll(List.of(results));
        return TransportRetries.run(retries, () -> mayRetry, () -> {
            attempts++;
            return script.removeFirst();
        });
    }

    @Test
    void retriesOnceAfterAResetAndRecordsTheRetryWhenItIsAnswered() {
        TransportRetries.Tried<Scripted> tried = run(1, true, Scripted.error(TransportError.RESET), Scripted.answer());

        assertThat(tried.last().name()).isEqualTo("answer");
        assertThat(tried.retried()).containsExactly(TransportError.RESET);
        assertThat(tried.seenAgain()).isFalse();
        assertThat(attempts).isEqualTo(2);
    }

    @Test
    void aRetryMeetingTheSameErrorConfirmsItAndIsNoSignOfFlakiness() {
        TransportRetries.Tried<Scripted> tried = run(1, true, Scripted.error(TransportError.REFUSED),
                Scripted.error(TransportError.REFUSED));

        assertThat(tried.retried()).isEmpty();
        assertThat(tried.seenAgain()).isTrue();
        assertThat(tried.describe("connection refused by api:443")).isEqualTo(
                "connection refused by api:443 (again on retry)");
    }

    @Test
    void aRetryEndingInAnotherErrorIsRecordedAndEndsWithThatError() {
        TransportRetries.Tried<Scripted> tried = run(1, true, Scripted.error(TransportError.RESET),
                Scripted.error(TransportError.CONNECT_TIMEOUT));

        assertThat(tried.last().name()).isEqualTo("CONNECT_TIMEOUT");
        assertThat(tried.retried()).containsExactly(TransportError.RESET);
        assertThat(tried.describe("timed out")).isEqualTo("timed out");
    }

    @Test
    void doesNotRetryWhenRetriesAreOff() {
        TransportRetries.Tried<Scripted> tried = run(0, true, Scripted.error(TransportError.RESET));

        assertThat(tried.last().name()).isEqualTo("RESET");
        assertThat(tried.retried()).isEmpty();
        assertThat(attempts).isEqualTo(1);
    }

    @Test
    void doesNotRetryWhenTheCallerForbidsItAsAfterATimeoutOfTheAddress() {
        TransportRetries.Tried<Scripted> tried = run(1, false, Scripted.error(TransportError.RESET));

        assertThat(attempts).isEqualTo(1);
        assertThat(tried.retried()).isEmpty();
    }

    @Test
    void neverRetriesAnAnswer() {
        run(3, true, Scripted.answer());

        assertThat(attempts).isEqualTo(1);
    }

    @Test
    void retriesUpToTheConfiguredNumber() {
        TransportRetries.Tried<Scripted> tried = run(2, true, Scripted.error(TransportError.RESET),
                Scripted.error(TransportError.CLOSED), Scripted.answer());

        assertThat(tried.retried()).containsExactly(TransportError.RESET, TransportError.CLOSED);
        assertThat(attempts).isEqualTo(3);
    }
}
