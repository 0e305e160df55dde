package dev.smokegate.engine;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Waiver;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run against one environment. All probes start at once on a bounded pool when the session opens, so the
 * JUnit tests that report the checks mostly just wait for observations that are already under way. Each probe
 * runs once per key and feeds every check that asks for it. Nothing waits past the run deadline: a check whose
 * observation is not ready by then is reported as broken. Nothing waits past an {@link #interrupt} either.
 */
public final class RunSession implements AutoCloseable {

    static final Duration PROBE_CLEANUP_GRACE = Duration.ofSeconds(20);

    private final EnvironmentConfig config;
    private final Selection selection;
    private final Clock clock;
    private final Instant startedAt;
    private final Instant deadline;
    private final List<PlannedCheck> planned;
    private final ExecutorService pool;
    /** The observation each planned check waits for; checks asking for equal probe keys share one. */
    private final Map<PlannedCheck, Timed<CompletableFuture<Object>>> observationOf = new ConcurrentHashMap<>();
    private final List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notices = new ArrayList<>();
    /** Completed with the signal's name (SIGTERM) when the run is told to stop; first one wins. */
    private final CompletableFuture<String> interruption = new CompletableFuture<>();

    private record Timed<T>(T value, Instant started) {
    }

    private RunSession(EnvironmentConfig config, Selection selection, List<PlannedCheck> planned, int parallelism,
                       Clock clock) {
        this.config = config;
        this.selection = selection;
        this.planned = List.copyOf(planned);
        this.clock = clock;
        this.startedAt = clock.instant();
        this.deadline = startedAt.plus(config.timeouts().runDeadline());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "smokegate-probe-" + threads.incrementAndGet());
            t.setDaemon(true); // a probe stuck past every timeout must not keep the JVM alive
            return t;
        });
        LocalDate today = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        config.waivers().forEach(w -> notices.addAll(w.notices(today, config.waiverPolicy())));
    }

    /** Plans the selected checks and starts every probe they need. */
    public static RunSession open(EnvironmentConfig config, Selection selection, List<Check<?>> catalogue,
                                  ProbeContext context, int parallelism, Clock clock) {
        List<PlannedCheck> planned = plan(config, selection, catalogue);
        RunSession session = new RunSession(config, selection, planned, parallelism, clock);
        Map<String, Timed<CompletableFuture<Object>>> byKey = new HashMap<>();
        StartOrder.acrossAddresses(planned.stream().filter(p -> p.skipReason().isEmpty()).toList())
                .forEach(p -> session.startProbe(p, byKey, context));
        return session;
    }

    static List<PlannedCheck> plan(EnvironmentConfig config, Selection selection, List<Check<?>> catalogue) {
        List<PlannedCheck> planned = new ArrayList<>();
        for (Check<?> check : catalogue) {
            if (!selection.includes(check.spec())) {
                continue;
            }
            List<Target> targets = check.targets(config);
            Optional<String> login = check.needsBrowserLogin(config).filter(why -> !selection.runsBrowserLogin());
            if (!targets.isEmpty() && login.isPresent()) {
                planned.add(new PlannedCheck(check, Target.environment(config.name()), Optional.of(login.get()
                        + ": the " + selection.suite().label() + " suite runs no browser login")));
                continue;
            }
            if (targets.isEmpty()) {
                planned.add(new PlannedCheck(check, Target.environment(config.name()),
                        Optional.of(check.notApplicable(config))));
            }
            targets.forEach(t -> planned.add(new PlannedCheck(check, t, Optional.empty())));
        }
        return planned;
    }

    private void startProbe(PlannedCheck planned, Map<String, Timed<CompletableFuture<Object>>> byKey,
                            ProbeContext context) {
        ProbeRequest<?> request = planned.check().observation(planned.target(), config);
        observationOf.put(planned, byKey.computeIfAbsent(request.key(), key -> new Timed<>(
                CompletableFuture.supplyAsync(() -> observe(request, context), pool), clock.instant())));
    }

    private static Object observe(ProbeRequest<?> request, ProbeContext context) {
        try {
            return context.observe(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    public EnvironmentConfig config() {
        return config;
    }

    public List<PlannedCheck> planned() {
        return planned;
    }

    /**
     * Stops waiting for probes: from now on a check whose observation is not there yet is reported broken, "could
     * not verify: run interrupted (SIGTERM)", at once. Results already known stay as they are. The probes are left
     * to their own timeouts on daemon threads. Safe from any thread; later calls change nothing.
     */
    public void interrupt(String signal) {
        interruption.complete(signal);
    }

    /** Waits (until the run deadline at most) for the check's observation, judges it and records the result. */
    public CheckResult evaluate(PlannedCheck planned) {
        CheckResult result = planned.skipReason()
                .map(reason -> result(planned, Outcome.SKIPPED, reason, Duration.ZERO, List.of()))
                .orElseGet(() -> judge(planned));
        results.add(result);
        return result;
    }

    @SuppressWarnings("unchecked")
    private <O> CheckResult judge(PlannedCheck planned) {
        Check<O> check = (Check<O>) planned.check();
        Timed<CompletableFuture<Object>> observation = observationOf.get(planned);
        Duration remaining = Duration.between(clock.instant(), deadline);
        try {
            if (remaining.isNegative() || remaining.isZero()) {
                throw new TimeoutException();
            }
            awaitObservationOrInterruption(observation.value(), remaining);
            if (!observation.value().isDone()) {
                return result(planned, Outcome.BROKEN, interruptedMessage(),
                        Duration.between(observation.started(), clock.instant()), List.of());
            }
            O observed = (O) observation.value().get();
            Duration took = Duration.between(observation.started(), clock.instant());
            Verdict verdict = check.judge(observed, planned.target(), config);
            List<TransportError> retries = observed instanceof Retried retried ? retried.retries() : List.of();
            return applyWaivers(planned, FlakyVerdicts.note(verdict, retries), took, !retries.isEmpty());
        } catch (TimeoutException e) {
            return result(planned, Outcome.BROKEN, "could not verify: the run deadline ("
                    + config.timeouts().runDeadline().toSeconds() + "s) passed before the probe finished",
                    Duration.between(observation.started(), clock.instant()), List.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException && e.getCause()
                    .getCause() != null ? e.getCause().getCause() : e.getCause();
            return result(planned, Outcome.BROKEN, "could not verify: " + FailureText.of(cause),
                    Duration.between(observation.started(), clock.instant()), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(planned, Outcome.BROKEN, "could not verify: interrupted", Duration.ZERO, List.of());
        } catch (RuntimeException e) {
            // A check that throws has a bug; the target's state is unknown, which is what BROKEN means. The one
            // message that keeps the exception's class: it is for whoever fixes smokegate.
            return result(planned, Outcome.BROKEN, "could not verify: the check itself failed (a bug in smokegate): "
                    + bugReport(e), Duration.ZERO, List.of());
        }
    }

    /** Returns when the observation is there (or failed), the run is interrupted, or the time is up. */
    private void awaitObservationOrInterruption(CompletableFuture<Object> observation, Duration remaining)
            throws InterruptedException, TimeoutException {
        try {
            CompletableFuture.anyOf(observation, interruption).get(remaining.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException probeFailed) {
            // the caller reads the failure from the observation itself
        }
    }

    private String interruptedMessage() {
        return "could not verify: run interrupted (" + interruption.join() + ")";
    }

    private CheckResult applyWaivers(PlannedCheck planned, Verdict verdict, Duration took, boolean flaky) {
        Outcome outcome = switch (verdict.status()) {
            case PASS -> Outcome.PASSED;
            case WARN -> Outcome.WARNED;
            case FAIL -> Outcome.FAILED;
            case INCONCLUSIVE -> Outcome.BROKEN;
        };
        String message = outcome == Outcome.BROKEN ? "could not verify: " + verdict.message() : verdict.message();
        if (outcome == Outcome.FAILED) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Optional<Waiver> waiver = config.waivers().stream()
                    .filter(w -> w.covers(planned.check().spec().id(), planned.target())).findFirst();
            if (waiver.isPresent() && !waiver.get().expiredOn(today)) {
                outcome = Outcome.WAIVED;
                message = message + " [waived until " + waiver.get().expires() + ": " + waiver.get().reason() + "]";
            } else if (waiver.isPresent()) {
                message = message + " [waiver expired on " + waiver.get().expires() + "]";
            }
        }
        return new CheckResult(planned.check().spec(), planned.target(), outcome, message, took, verdict.evidence(),
                flaky, verdict.measurements());
    }

    private static CheckResult result(PlannedCheck planned, Outcome outcome, String message, Duration took,
                                      List<dev.smokegate.model.Evidence> evidence) {
        return new CheckResult(planned.check().spec(), planned.target(), outcome, message, took, evidence);
    }

    private static String bugReport(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * The report of the run so far, in plan order. Checks that were planned but never evaluated (the JUnit run
     * stopped early, or the run was interrupted) are reported as broken, so nothing silently disappears.
     */
    public RunReport report() {
        Optional<String> interrupted = Optional.ofNullable(interruption.getNow(null));
        String unevaluated = interrupted.isPresent() ? interruptedMessage()
                : "could not verify: the check was not run";
        List<CheckResult> ordered = new ArrayList<>();
        synchronized (results) {
            for (PlannedCheck p : planned) {
                ordered.add(results.stream()
                        .filter(r -> r.spec().equals(p.check().spec()) && r.target().equals(p.target()))
                        .findFirst()
                        .orElseGet(() -> result(p, Outcome.BROKEN, unevaluated, Duration.ZERO, List.of())));
            }
        }
        List<String> reported = new ArrayList<>(notices);
        interrupted.ifPresent(signal -> reported.add("run interrupted (" + signal
                + "): the checks still waiting for their probes are reported as not verified"));
        return new RunReport(config.name(), selection.suite(), failOn(), startedAt,
                Duration.between(startedAt, clock.instant()), ordered, reported);
    }

    /** The least severe failure that fails this run: {@code fail-on} for its suite. */
    public Severity failOn() {
        return config.failOn().forSuite(selection.suite());
    }

    /**
     * Stops the probes still running and gives them {@link #PROBE_CLEANUP_GRACE} to undo what they did (the restore
     * drill drops what it created in its scratch database) before the caller, often the JVM's exit, goes on.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(PROBE_CLEANUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
