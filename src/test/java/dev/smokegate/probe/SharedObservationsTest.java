package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.config.EnvironmentConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedObservationsTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t", URI.create("https://a.example"),
            URI.create("https://b.example")).build();

    private static ProbeContext context(Instant deadline) {
        return new ProbeContext(CONFIG, null, new OriginTimeouts(), deadline);
    }

    @Test
    void observesAKeyOnceHoweverManyProbesAskForIt() throws Exception {
        ProbeContext context = context(Instant.now().plusSeconds(30));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProbeRequest<String> slow = new ProbeRequest<>("k", c -> {
            calls.incrementAndGet();
            started.countDown();
            release.await();
            return "observed";
        });
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> observe(context, slow));
        started.await();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> observe(context,
                new ProbeRequest<>("k", c -> "a second probe of the same key")));
        release.countDown();
        assertThat(first.get()).isEqualTo("observed");
        assertThat(second.get()).isEqualTo("observed");
        assertThat(calls).hasValue(1);
        String own = context.observe(new ProbeRequest<>("other", c -> "own"));
        assertThat(own).isEqualTo("own");
    }

    @Test
    void givesEveryAskerTheFirstProbesFailure() {
        ProbeContext context = context(Instant.now().plusSeconds(30));
        ProbeRequest<String> failing = new ProbeRequest<>("k", c -> {
            throw new IOException("connection refused");
        });
        assertThatThrownBy(() -> context.observe(failing)).hasMessage("connection refused");
        assertThatThrownBy(() -> context.observe(new ProbeRequest<>("k", c -> "never asked")))
                .isInstanceOf(IOException.class).hasMessage("connection refused");
    }

    @Test
    void stopsWaitingForAnotherProbeAtTheRunsDeadline() throws Exception {
        ProbeContext context = context(Instant.now().plus(Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Thread hanging = new Thread(() -> observe(context, new ProbeRequest<>("k", c -> {
            started.countDown();
            never.await();
            return "late";
        })));
        hanging.setDaemon(true);
        hanging.start();
        started.await();
        assertThatThrownBy(() -> context.observe(new ProbeRequest<>("k", c -> "x")))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("\"k\" was not there by the run's deadline");
        never.countDown();
    }

    private static String observe(ProbeContext context, ProbeRequest<String> request) {
        try {
            return context.observe(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
